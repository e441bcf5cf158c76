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

/** The answer type of an event declared as `(request, ack) => void` in the contracts' event maps. */
export type AckValue<E> = E extends (request: never, ack: (value: infer V) => void) => void ? V : never;

/**
 * One event's arguments as socket.io delivers them: the acknowledgement is the last argument, after
 * however many the client sent. Read positionally as `(request, ack)`, a call without its payload
 * took the callback for the payload, and one with an extra argument took that for the callback:
 * either way the client never heard back. The payload is the one argument before the callback; any
 * other count is refused like a payload that does not parse.
 */
export function eventCall<T>(args: unknown[]): { reply: (value: T) => void; parse: <S extends z.ZodType>(schema: S) => z.infer<S> } {
  const last = args.at(-1);
  const payloads = typeof last === 'function' ? args.slice(0, -1) : args;
  return {
    reply: safeAck<T>(typeof last === 'function' ? last : undefined),
    parse(schema) {
      if (payloads.length !== 1) {
        throw new AppError('validation.failed', 'The event takes one payload', {
          issues: [{ path: '(arguments)', message: `Send one payload before the callback, not ${payloads.length}` }],
        });
      }
      return parsePayload(schema, payloads[0]);
    },
  };
}

/** An Error for a namespace middleware's next(): the client's connect_error gets the code as message and the error as data. */
export function refusal(error: SocketError): Error;
export function refusal(code: ErrorCode, message: string): Error;
export function refusal(errorOrCode: SocketError | ErrorCode, message?: string): Error {
  const data: SocketError = typeof errorOrCode === 'string' ? { code: errorOrCode, message: message ?? errorOrCode } : errorOrCode;
  return Object.assign(new Error(data.code), { data });
}
