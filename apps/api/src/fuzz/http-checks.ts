import { expect } from 'vitest';
import { errorCatalog } from '@keluh/core';
import { censusChange } from './table-census.ts';
import { refusalEffects, successEffects, unaccounted } from './request-effects.ts';
import { routeKey } from './route-inventory.ts';
import { send, type RawResponse } from '../testing/raw-http.ts';
import { describeCase, toRawRequest, type HttpCase } from './http-case.ts';
import type { FuzzWorld } from './fuzz-world.ts';

const preview = (text: string) => (text.length > 400 ? `${text.slice(0, 400)}…` : text);

/**
 * The only 5xx a request may earn: the channel's own API refusing a management call. The fuzz world's
 * Graph refuses every call (nothing leaves loopback), so a well-formed re-subscription meets exactly that.
 */
const upstreamRefusals = new Set(['POST /api/channels/instagram/subscribe channel.subscribe_failed']);

/** A refusal's code, after checking it is one of ours with the status the catalog gives it. */
export function expectCodedRefusal(response: RawResponse, method: string, label: string): string | null {
  if (response.status < 400) return null;
  // HEAD answers carry no body to read the code from; the status was checked already.
  if (method === 'HEAD') return null;
  let code: unknown;
  try {
    code = (JSON.parse(response.text) as { error?: { code?: unknown } }).error?.code;
  } catch {
    throw new Error(`${label}\n  a ${response.status} without a JSON error body`);
  }
  expect(Object.keys(errorCatalog), `${label}\n  an unknown error code`).toContain(code);
  expect(errorCatalog[code as keyof typeof errorCatalog], `${label}\n  the status of ${String(code)} in the catalog`).toBe(response.status);
  return code as string;
}

/**
 * Sends one case and checks the promises of issue 7: no 5xx, a coded refusal, and nothing stored but
 * what the route's success (or one of the refusals that record on purpose) accounts for.
 */
export async function checkHttpCase(world: FuzzWorld, testCase: HttpCase): Promise<RawResponse> {
  const raw = toRawRequest(testCase, world);
  const before = world.census();
  const response = await send(world.t.url, raw);
  const label = `${describeCase(testCase, raw)}\n  → ${response.status} ${preview(response.text)}`;
  const code = expectCodedRefusal(response, raw.method, label);
  const key = routeKey(testCase.route.method, testCase.route.path);
  if (!upstreamRefusals.has(`${key} ${code}`)) expect(response.status, label).toBeLessThan(500);
  const effect = response.status < 300 ? successEffects[key] : code ? refusalEffects[`${key} ${code}`] : undefined;
  const after = effect ? await world.settledCensus() : world.census();
  expect(unaccounted(censusChange(before, after), effect), `${label}\n  changed the database`).toEqual([]);
  if (effect) await world.heal();
  return response;
}

/** What Object.prototype held before any case ran: the server shares this process, so pollution would show. */
const prototypeBaseline = Object.getOwnPropertyNames(Object.prototype).sort();

/** The server still answers (liveness, and a normal signed-in request), and no `__proto__` key polluted the process. */
export async function expectServerAnswering(world: FuzzWorld): Promise<void> {
  expect(Object.getOwnPropertyNames(Object.prototype).sort(), 'Object.prototype was polluted').toEqual(prototypeBaseline);
  expect((await send(world.t.url, { method: 'GET', target: '/healthz', headers: {} })).status).toBe(200);
  const tickets = await send(world.t.url, { method: 'GET', target: '/api/tickets', headers: { authorization: `Bearer ${world.agentToken}` } });
  expect(tickets.status, tickets.text).toBe(200);
}

/**
 * Which routes the fuzzer got past the generic refusals (session, CSRF, framing, path guard) on: a
 * fuzzer that only ever meets the front door proves nothing about the validation behind it.
 */
export function handlerCoverage() {
  const reached = new Set<string>();
  const generic = (code: string | null) => code === 'route.not_found' || code === 'internal' || !!code?.startsWith('request.') || !!code?.startsWith('auth.');
  return {
    record(testCase: HttpCase, response: RawResponse) {
      let code: string | null = null;
      try {
        code = response.status >= 400 ? ((JSON.parse(response.text) as { error: { code: string } }).error.code ?? null) : null;
      } catch {
        // HEAD: no body; its GET twin tells the same story.
      }
      if (response.status < 400 || (code !== null && !generic(code))) reached.add(routeKey(testCase.route.method, testCase.route.path));
    },
    // A HEAD answers without a body, so its code is unknown when refused: its GET twin tells the same story.
    unreached: (cases: { method: string; path: string }[]) =>
      [...new Set(cases.map((route) => routeKey(route.method, route.path)))].filter((key) => !reached.has(key) && !(key.startsWith('HEAD ') && reached.has(`GET ${key.slice(5)}`))),
  };
}
