import fc from 'fast-check';
import type { z } from 'zod';
import { findInvalidText, presenceActivitySchema, syncRequestSchema, ticketUnwatchSchema, ticketWatchSchema, visitorReceiptSchema, visitorSendSchema } from '@keluh/contracts';
import type { FuzzWorld } from './fuzz-world.ts';
import { jsonNodeOf, jsonText, mutate, type JsonMutation } from './hostile-json.ts';
import { jsonMutation, jsonNode } from './hostile-json.arbitraries.ts';
import { hostileString } from './hostile-text.arbitraries.ts';

/*
 * Socket events as the fuzzer sends them: the events each namespace handles (and some it does not),
 * with payloads that are well-formed examples broken one thing at a time, any JSON (parsed, so
 * `__proto__` arrives as an own key, as it does from a real client), binary, nothing, or near the
 * 64 KiB socket buffer; with or without an acknowledgement callback, and with extra arguments.
 */

export type Namespace = 'agent' | 'visitor';

export const handled: Record<Namespace, string[]> = { agent: ['sync', 'ticket.watch', 'ticket.unwatch', 'presence.activity'], visitor: ['message.send', 'message.receipt', 'sync'] };
// (socket.io-client refuses its reserved names, connect and disconnecting; the raw-packet cases send them.)
const unhandled = ['message', 'error', 'event', 'ping', '__proto__', 'constructor', 'hasOwnProperty', ''];

let sent = 0;
const examples: Record<string, ((world: FuzzWorld) => unknown)[]> = {
  sync: [() => ({ lastEventId: 0 }), () => ({ lastEventId: 3 })],
  'presence.activity': [() => ({}), () => ({})],
  'message.send': [() => ({ clientMessageId: `fuzz-${Date.now()}-${(sent += 1)}`, body: 'Halo, masih menunggu' }), () => ({ clientMessageId: 'fuzz-repeated-id', body: 'Pesan yang sama' })],
  'message.receipt': [(world) => ({ messageIds: [world.replyMessageId], status: 'read' }), (world) => ({ messageIds: [world.visitorMessageId, world.replyMessageId], status: 'delivered' })],
  'ticket.watch': [(world) => ({ ticketId: world.ticketId, typing: false }), (world) => ({ ticketId: world.ticketId, typing: true })],
  'ticket.unwatch': [(world) => ({ ticketId: world.ticketId }), () => ({ ticketId: 999_999 })],
};

const schemas: Record<string, z.ZodType> = {
  sync: syncRequestSchema,
  'message.send': visitorSendSchema,
  'message.receipt': visitorReceiptSchema,
  'ticket.watch': ticketWatchSchema,
  'ticket.unwatch': ticketUnwatchSchema,
  'presence.activity': presenceActivitySchema,
};

/** What the contract accepts for an event: the server must say `ok: true` to exactly these. */
export function contractAccepts(event: string, payload: unknown): boolean {
  const schema = Object.hasOwn(schemas, event) ? schemas[event]! : null;
  return schema !== null && findInvalidText(payload) === null && schema.safeParse(payload).success;
}

type Payload =
  | { kind: 'example'; example: number; mutations: JsonMutation[] }
  | { kind: 'json'; text: string }
  | { kind: 'binary'; bytes: Uint8Array }
  | { kind: 'absent' }
  /** Serialised past the 64 KiB buffer, or just under it. */
  | { kind: 'huge'; length: number }
  /** Arrays in arrays, thousands deep. */
  | { kind: 'deep'; depth: number };

export interface SocketEventCase {
  event: string;
  payload: Payload;
  /** Arguments after the payload, before the callback: a client that does not know the signature. */
  extra: string[];
  ack: boolean;
}

const keys = ['lastEventId', 'clientMessageId', 'body', 'messageIds', 'status', 'ticketId', 'typing'];

const payload: fc.Arbitrary<Payload> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .tuple(fc.nat({ max: 1 }), fc.oneof({ weight: 1, arbitrary: fc.constant<JsonMutation[]>([]) }, { weight: 3, arbitrary: fc.array(jsonMutation(keys), { minLength: 1, maxLength: 3 }) }))
      .map(([example, mutations]): Payload => ({ kind: 'example', example, mutations })),
  },
  // Socket payloads stay under the buffer unless they are meant to go over it.
  { weight: 3, arbitrary: jsonNode(keys).map((node): Payload => ({ kind: 'json', text: jsonText(node) })).filter((p) => p.kind === 'json' && Buffer.byteLength(p.text) < 60_000) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }).map((bytes): Payload => ({ kind: 'binary', bytes })) },
  { weight: 1, arbitrary: fc.constant<Payload>({ kind: 'absent' }) },
  { weight: 1, arbitrary: fc.constantFrom(60_000, 70_000).map((length): Payload => ({ kind: 'huge', length })) },
  // Deeper would overflow the test worker's own stack in JSON.stringify, before the server sees anything.
  { weight: 1, arbitrary: fc.constantFrom(500, 2_000).map((depth): Payload => ({ kind: 'deep', depth })) },
);

export function socketEventArbitrary(namespace: Namespace): fc.Arbitrary<SocketEventCase> {
  return fc
    .record({
      event: fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...handled[namespace]) }, { weight: 1, arbitrary: fc.constantFrom(...unhandled) }),
      payload,
      extra: fc.oneof({ weight: 6, arbitrary: fc.constant<string[]>([]) }, { weight: 1, arbitrary: fc.array(hostileString.filter((text) => text.length < 1000), { minLength: 1, maxLength: 2 }) }),
      ack: fc.oneof({ weight: 5, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
    })
    .map((testCase) => Object.assign(testCase, { [fc.toStringMethod]: () => describeSocketCase(testCase) }));
}

export function describeSocketCase(testCase: SocketEventCase): string {
  const preview = (text: string) => (text.length > 200 ? `${text.slice(0, 200)}… (${text.length} chars)` : text);
  const p = testCase.payload;
  const shown = p.kind === 'example' ? { ...p, mutations: p.mutations.map((m) => ('node' in m ? { ...m, node: preview(jsonText(m.node)) } : m)) } : p.kind === 'json' ? { kind: 'json', text: preview(p.text) } : p;
  return JSON.stringify({ ...testCase, payload: shown, extra: testCase.extra.map(preview) });
}

/** The payload as the client will send it; `undefined` sends no payload argument at all. */
export function payloadOf(testCase: SocketEventCase, world: FuzzWorld): unknown {
  const p = testCase.payload;
  switch (p.kind) {
    case 'example': {
      const list = Object.hasOwn(examples, testCase.event) ? examples[testCase.event]! : examples.sync!;
      return JSON.parse(jsonText(p.mutations.reduce(mutate, jsonNodeOf(list[p.example % list.length]!(world)))));
    }
    case 'json':
      return JSON.parse(p.text);
    case 'binary':
      return Buffer.from(p.bytes);
    case 'absent':
      return undefined;
    case 'huge':
      return { clientMessageId: 'fuzz-huge-payload', body: 'x'.repeat(p.length) };
    case 'deep':
      return JSON.parse(`${'['.repeat(p.depth)}${']'.repeat(p.depth)}`);
  }
}
