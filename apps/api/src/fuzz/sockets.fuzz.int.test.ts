import fc from 'fast-check';
import { Manager, type Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FUZZ_TEST_TIMEOUT, fuzzParameters } from './fuzz-settings.ts';
import { startFuzzWorld, type FuzzWorld } from './fuzz-world.ts';
import { expectServerAnswering } from './http-checks.ts';
import { socketEffects, unaccounted } from './request-effects.ts';
import { contractAccepts, describeSocketCase, handled as handledEvents, payloadOf, socketEventArbitrary, type Namespace, type SocketEventCase } from './socket-case.ts';
import { emitAndWait, expectAckShape, expectCodedSocketError, handshake, openSocket } from './socket-checks.ts';
import { handshakeArbitrary, resolveHandshake } from './socket-handshake.arbitraries.ts';
import { packetCaseArbitrary, type PacketCase } from './socket-packets.arbitraries.ts';
import { censusChange } from './table-census.ts';

/** Past this a packet is over socket.io's maxHttpBufferSize (64 KiB) and the server drops the connection. */
const BUFFER_BYTES = 64 * 1024;

describe('the realtime sockets under hostile events and handshakes', () => {
  let world: FuzzWorld;
  const sockets: Partial<Record<Namespace, Socket>> = {};

  beforeAll(async () => {
    world = await startFuzzWorld();
  });
  afterEach(async () => {
    await expectServerAnswering(world);
    // The socket server too: a fresh socket in each namespace connects and syncs.
    for (const namespace of ['agent', 'visitor'] as const) {
      const socket = openSocket(world, namespace);
      expect(await handshake(socket)).toBe('connected');
      expect(await socket.timeout(3000).emitWithAck('sync', { lastEventId: 0 })).toMatchObject({ ok: true });
      socket.disconnect();
    }
  });
  afterAll(async () => {
    Object.values(sockets).forEach((socket) => socket?.disconnect());
    await world.close();
  });

  /** The namespace's long-lived socket, opened again after the server dropped it. */
  async function socketFor(namespace: Namespace): Promise<Socket> {
    const open = sockets[namespace];
    if (open?.connected) return open;
    const socket = openSocket(world, namespace);
    expect(await handshake(socket), `opening the ${namespace} socket`).toBe('connected');
    sockets[namespace] = socket;
    return socket;
  }

  /** `<event> <ok | code | dropped>` seen: proof the cases reached the handlers and past their validation. */
  const outcomes = new Set<string>();

  async function checkEvent(namespace: Namespace, testCase: SocketEventCase) {
    const socket = await socketFor(namespace);
    const payload = payloadOf(testCase, world);
    const args = [...(testCase.payload.kind === 'absent' ? [] : [payload]), ...testCase.extra];
    const handled = handledEvents[namespace].includes(testCase.event);
    const size = Buffer.byteLength(JSON.stringify(args) ?? '');
    const label = `${namespace} ${describeSocketCase(testCase)}`;

    const before = world.census();
    const outcome = await emitAndWait(socket, testCase.event, args, testCase.ack, handled);
    if (outcome.kind === 'disconnected') {
      // Only a packet over the buffer may cost the connection; the server itself stays up (afterEach).
      expect(size, `${label}\n  dropped the connection (${outcome.reason})`).toBeGreaterThan(BUFFER_BYTES - 1024);
      expect(censusChange(before, world.census()), label).toEqual({});
      outcomes.add(`${testCase.event} dropped`);
      return;
    }
    expect(outcome.kind, `${label}\n  the server did not answer`).toBe(handled && testCase.ack ? 'ack' : 'seen');

    // Exactly what the contract accepts, called with one payload, is acknowledged ok.
    const accepts =
      handled &&
      testCase.payload.kind !== 'absent' &&
      testCase.extra.length === 0 &&
      contractAccepts(testCase.event, payload) &&
      // A well-formed watch of a ticket that does not exist is `ticket.not_found`, not ok.
      (testCase.event !== 'ticket.watch' || (await world.t.db.tickets.findById((payload as { ticketId: number }).ticketId)) !== null);
    let ok = accepts;
    if (outcome.kind === 'ack') {
      const ack = expectAckShape(outcome.answer, label);
      expect(ack.ok, `${label}\n  → ${JSON.stringify(outcome.answer).slice(0, 300)}`).toBe(accepts);
      ok = ack.ok;
      outcomes.add(`${testCase.event} ${ack.code ?? 'ok'}`);
    }
    const after = ok && socketEffects[testCase.event] ? await world.settledCensus() : world.census();
    const change = censusChange(before, after);
    expect(unaccounted(change, ok ? socketEffects[testCase.event] : {}), `${label}\n  changed the database`).toEqual([]);
    if (outcome.kind === 'ack' && ok && testCase.event === 'message.send') {
      const duplicate = (outcome.answer as { duplicate: boolean }).duplicate;
      expect((change.messages?.after ?? 0) - (change.messages?.before ?? 0), label).toBe(duplicate ? 0 : 1);
    }
  }

  it('answers every /visitor event a widget could send, however malformed, with a coded ack, storing only an accepted message', async () => {
    outcomes.clear();
    await fc.assert(
      fc.asyncProperty(socketEventArbitrary('visitor'), (testCase) => checkEvent('visitor', testCase)),
      fuzzParameters(2000, 21),
    );
    const seen = [...outcomes];
    for (const expected of ['message.send ok', 'message.send validation.failed', 'message.send text.invalid_characters', 'message.receipt ok', 'message.receipt validation.failed', 'sync ok', 'message.send dropped']) expect(seen).toContain(expected);
  }, FUZZ_TEST_TIMEOUT);

  it('answers every /agent sync and ticket watch, however malformed, with a coded ack, storing nothing but what an accepted watch announces', async () => {
    outcomes.clear();
    await fc.assert(
      fc.asyncProperty(socketEventArbitrary('agent'), (testCase) => checkEvent('agent', testCase)),
      fuzzParameters(800, 22),
    );
    expect([...outcomes]).toEqual(expect.arrayContaining(['sync ok', 'sync validation.failed', 'ticket.watch ok', 'ticket.watch validation.failed', 'ticket.unwatch ok']));
  }, FUZZ_TEST_TIMEOUT);

  it('lets in exactly the handshakes that hold a valid credential, and refuses the rest with a coded error', async () => {
    await fc.assert(
      fc.asyncProperty(handshakeArbitrary, async (testCase) => {
        const { auth, headers, query, mustConnect, mayConnect } = resolveHandshake(testCase, world);
        const label = `${fc.stringify(testCase)}\n  auth ${JSON.stringify(auth).slice(0, 200)}`;
        const before = world.census();
        const socket = openSocket(world, testCase.namespace, { auth, headers, query });
        const result = await handshake(socket);
        socket.disconnect();
        if (result === 'connected') expect(mayConnect, `${label}\n  was let in`).toBe(true);
        else {
          expect(mustConnect, `${label}\n  was refused: ${result.message}`).toBe(false);
          expectCodedSocketError(result.data, `${label}\n  ${result.message}`);
        }
        expect(censusChange(before, world.census()), label).toEqual({});
      }),
      fuzzParameters(400, 23),
    );
  }, FUZZ_TEST_TIMEOUT);

  /**
   * Opens a bare engine.io connection, writes the packets, and collects what the server answers. After a
   * CONNECT it waits for the answer, as a real client must (an event sent before it closes the connection).
   */
  async function sendPackets(testCase: PacketCase): Promise<string[]> {
    const manager = new Manager(world.t.url, { transports: ['websocket'], reconnection: false, autoConnect: false });
    await new Promise<void>((resolve, reject) => manager.open((error) => (error ? reject(error) : resolve())));
    const engine = manager.engine;
    const received: string[] = [];
    let closed = false;
    let answered: (() => void) | null = null;
    engine.on('message', (data) => {
      if (typeof data === 'string') received.push(data);
      answered?.();
    });
    engine.on('close', () => {
      closed = true;
      answered?.();
    });
    const answer = (ms: number) => new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      answered = () => {
        clearTimeout(timer);
        answered = null;
        resolve();
      };
    });
    for (const packet of testCase.packets) {
      if (closed) break;
      engine.send(typeof packet === 'string' ? packet.replaceAll('TOKEN', world.agentToken).replaceAll('VISITOR', world.visitor.visitorToken) : Buffer.from(packet.binary));
      if (typeof packet === 'string' && packet.startsWith('0/')) await answer(1000);
    }
    await new Promise((resolve) => setTimeout(resolve, 30));
    engine.close();
    return received;
  }

  it('survives socket.io packets written by hand, answering every acknowledged one with a coded ack and storing nothing', async () => {
    outcomes.clear();
    await fc.assert(
      fc.asyncProperty(packetCaseArbitrary, async (testCase) => {
        const label = fc.stringify(testCase);
        const before = world.census();
        for (const message of await sendPackets(testCase)) {
          const ack = /^3(?:\/[^,]*,)?\d+(\[.*\])$/s.exec(message);
          if (ack) outcomes.add(`ack ${expectAckShape((JSON.parse(ack[1]!) as unknown[])[0], `${label}\n  ← ${message.slice(0, 300)}`).code ?? 'ok'}`);
          const refused = /^4(\/[^,]*),(.*)$/s.exec(message);
          // An unknown namespace is socket.io's own refusal ("Invalid namespace"); ours carry a code.
          if (refused && ['/agent', '/visitor'].includes(refused[1]!)) outcomes.add(`refused ${expectCodedSocketError((JSON.parse(refused[2]!) as { data?: unknown }).data, `${label}\n  ← ${message.slice(0, 300)}`)}`);
        }
        expect(censusChange(before, world.census()), label).toEqual({});
      }),
      fuzzParameters(250, 24),
    );
    expect([...outcomes]).toEqual(expect.arrayContaining(['ack ok', 'ack validation.failed', 'refused auth.unauthenticated']));
  }, FUZZ_TEST_TIMEOUT);
});
