import type { SocketError } from '@keluh/contracts';
import type { z } from 'zod';
import { AppError, type ErrorCode } from '@keluh/core';
import { findInvalidText } from '@keluh/contracts';
import { toAppError } from '../plugins/error-handler.plugin.ts';
import { invalidTextError } from '../plugins/text-hygiene.plugin.ts';

/** Socket acks use the same coded errors as HTTP; 5xx details stay in the log. */
export function toSocketError(error: unknown): SocketError {
  const appError = toAppError(error);
  return { code: appError.code, message: appError.message, ...(appError.details ? { details: appError.details } : {}) };
}

/**
 * Parses a client payload or throws `validation.failed` with field paths, like the HTTP routes; text
 * that is not valid Unicode is refused first with `text.invalid_characters`, as on HTTP.
 */
export function parsePayload<S extends z.ZodType>(schema: S, payload: unknown): z.infer<S> {
  const invalid = findInvalidText(payload);
  if (invalid) throw invalidTextError(invalid);
  const parsed = schema.safeParse(payload);
  if (parsed.success) return parsed.data;
  throw new AppError('validation.failed', 'The event payload is not valid', {
    issues: parsed.error.issues.map((issue) => ({ path: issue.path.join('.') || '(root)', message: issue.message })),
  });
}

/** socket.io lets a client omit the ack; answering into nothing must not crash the handler. */
export function safeAck<T>(ack: unknown): (value: T) => void {
  return typeof ack === 'function' ? (ack as (value: T) => void) : () => undefined;
}

/** An Error for a namespace middleware's next(): the client's connect_error gets the code as message and the error as data. */
export function refusal(error: SocketError): Error;
export function refusal(code: ErrorCode, message: string): Error;
export function refusal(errorOrCode: SocketError | ErrorCode, message?: string): Error {
  const data: SocketError = typeof errorOrCode === 'string' ? { code: errorOrCode, message: message ?? errorOrCode } : errorOrCode;
  return Object.assign(new Error(data.code), { data });
}
