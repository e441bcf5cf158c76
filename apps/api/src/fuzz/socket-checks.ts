import { expect } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import { errorCatalog } from '@keluh/core';
import { AGENT_NAMESPACE, VISITOR_NAMESPACE } from '@keluh/contracts';
import type { FuzzWorld } from './fuzz-world.ts';
import type { Namespace } from './socket-case.ts';

/** A socket that never reconnects by itself: each case decides when a fresh one is needed. */
export function openSocket(world: FuzzWorld, namespace: Namespace, options: { auth?: unknown; headers?: Record<string, string>; query?: Record<string, string> } = {}): Socket {
  const auth = options.auth ?? (namespace === 'agent' ? { token: world.agentToken } : { visitorToken: world.visitor.visitorToken });
  return connect(`${world.t.url}${namespace === 'agent' ? AGENT_NAMESPACE : VISITOR_NAMESPACE}`, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    auth: auth as Record<string, unknown>,
    ...(options.headers ? { extraHeaders: options.headers } : {}),
    ...(options.query ? { query: options.query } : {}),
  });
}

/** 'connected', or the refusal's `data` (what the server put in connect_error). */
export function handshake(socket: Socket): Promise<'connected' | { message: string; data: unknown }> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ message: 'no answer to the handshake within 3 s', data: null }), 3000);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve('connected');
    });
    socket.once('connect_error', (error: Error & { data?: unknown }) => {
      clearTimeout(timer);
      resolve({ message: error.message, data: error.data });
    });
  });
}

/** A refusal must carry one of our codes, never `internal`: the same promise the HTTP routes make. */
export function expectCodedSocketError(error: unknown, label: string): string {
  const code = (error as { code?: unknown } | null)?.code;
  expect(Object.keys(errorCatalog), `${label}\n  a socket error without one of our codes: ${JSON.stringify(error)}`).toContain(code);
  expect(code, label).not.toBe('internal');
  return code as string;
}

/** The acknowledgement's shape: `{ ok: true, … }` or `{ ok: false, error: { code } }`. */
export function expectAckShape(answer: unknown, label: string): { ok: boolean; code: string | null; body: Record<string, unknown> } {
  expect(answer, label).toBeTypeOf('object');
  const body = answer as Record<string, unknown>;
  if (body.ok === true) return { ok: true, code: null, body };
  expect(body.ok, `${label}\n  ${JSON.stringify(answer).slice(0, 300)}`).toBe(false);
  return { ok: false, code: expectCodedSocketError(body.error, label), body };
}

export type EmitOutcome = { kind: 'ack'; answer: unknown } | { kind: 'seen' } | { kind: 'disconnected'; reason: string } | { kind: 'silence' };

/**
 * Emits and waits for the acknowledgement, a disconnect, or (without a callback, or for an event no
 * handler takes) a round-trip of a harmless `sync`, after which the server has seen the event.
 */
export function emitAndWait(socket: Socket, event: string, args: unknown[], withAck: boolean, expectAnswer: boolean): Promise<EmitOutcome> {
  return new Promise((resolve) => {
    const onDisconnect = (reason: string) => finish({ kind: 'disconnected', reason });
    const timer = setTimeout(() => finish({ kind: 'silence' }), 3000);
    function finish(outcome: EmitOutcome) {
      clearTimeout(timer);
      socket.off('disconnect', onDisconnect);
      resolve(outcome);
    }
    socket.once('disconnect', onDisconnect);
    if (withAck && expectAnswer) {
      socket.emit(event, ...args, (answer: unknown) => finish({ kind: 'ack', answer }));
      return;
    }
    if (withAck) socket.emit(event, ...args, () => undefined);
    else socket.emit(event, ...args);
    socket.emit('sync', { lastEventId: 0 }, () => finish({ kind: 'seen' }));
  });
}
