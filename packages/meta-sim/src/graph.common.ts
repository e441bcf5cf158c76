import { graphError, tokenError, type GraphChannel, type GraphError } from './graph-errors.ts';
import type { SimRequest } from './http.router.ts';
import type { InjectedFailure } from './knobs.ts';

/** Pieces every Graph route shares: version check, bearer token, scripted failures, JSON bodies. */

/** §2.1: any `vNN.N` works; Meta's examples use v25.0, the OpenAPI file v23.0. */
export const GRAPH_VERSION = /^v\d+\.\d+$/;

export function assertVersion(channel: GraphChannel, version: string | undefined, path: string): void {
  if (!version || !GRAPH_VERSION.test(version)) {
    throw graphError(channel, { code: 2500, message: `Unknown path components: ${path}`, httpStatus: 400 });
  }
}

/** §2.1 bearer header; path B of Instagram also accepts `?access_token=` (§3.6). */
export function presentedToken(request: SimRequest): string | undefined {
  const header = request.headers.authorization;
  if (typeof header === 'string' && /^Bearer\s+/i.test(header)) return header.replace(/^Bearer\s+/i, '').trim();
  return request.query.get('access_token') ?? undefined;
}

export function checkToken(channel: GraphChannel, request: SimRequest, expected: string, expired: boolean): void {
  const token = presentedToken(request);
  if (token === undefined || token.length === 0) throw tokenError(channel, 'missing');
  if (token !== expected) throw tokenError(channel, 'invalid');
  if (expired) throw tokenError(channel, 'expired');
}

/** Consumes the first scripted failure that applies to this recipient ("fail the next N calls"). */
export function takeInjected(queue: InjectedFailure[], recipient: string | undefined): InjectedFailure | undefined {
  const index = queue.findIndex((f) => f.recipient === undefined || f.recipient === recipient);
  if (index < 0) return undefined;
  const failure = queue[index] as InjectedFailure;
  const left = (failure.times ?? 1) - 1;
  if (left <= 0) queue.splice(index, 1);
  else queue[index] = { ...failure, times: left };
  return failure;
}

export function injectedError(channel: GraphChannel, failure: InjectedFailure): GraphError {
  return graphError(channel, {
    code: failure.code,
    ...(failure.subcode !== undefined && { subcode: failure.subcode }),
    ...(failure.message !== undefined && { message: failure.message }),
    ...(failure.details !== undefined && { details: failure.details }),
    ...(failure.httpStatus !== undefined && { httpStatus: failure.httpStatus }),
  });
}

export function parseJsonBody(channel: GraphChannel, request: SimRequest): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(request.body.toString('utf8'));
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // fall through to the Graph error below
  }
  throw graphError(channel, { code: 100, details: 'The request body is not a JSON object.' });
}

/** Peeks at the recipient before validation, so `failNext` with `recipient` can target a customer. */
export function peekRecipient(request: SimRequest): string | undefined {
  try {
    const body = JSON.parse(request.body.toString('utf8')) as Record<string, unknown>;
    const nested = body.recipient as { id?: unknown } | string | undefined;
    const value = body.to ?? (typeof nested === 'object' ? nested?.id : nested);
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
