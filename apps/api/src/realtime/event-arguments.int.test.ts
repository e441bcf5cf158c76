import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { connected, startTestApp, type TestApp } from '../testing/test-app.ts';

/*
 * socket.io hands a handler the client's arguments with the acknowledgement last. Read as
 * `(request, ack)`, a call without its payload, or with one argument too many, was never answered:
 * the widget or console waited for an ack that could not come (found by the API fuzzer).
 */
describe('socket events called with the wrong number of arguments', () => {
  let t: TestApp;
  let visitor: Socket;
  let agent: Socket;
  beforeAll(async () => {
    t = await startTestApp();
    visitor = t.visitorSocket((await t.newVisitor()).visitorToken);
    agent = t.agentSocket(await t.login());
    await Promise.all([connected(visitor), connected(agent)]);
  });
  afterAll(() => t.close());

  const ask = (socket: Socket, event: string, ...args: unknown[]) => socket.timeout(1500).emitWithAck(event, ...args) as Promise<{ ok: boolean; error?: { code: string; details?: unknown } }>;

  it.each(['message.send', 'message.receipt', 'sync'])('answers a /visitor %s sent without a payload with validation.failed', async (event) => {
    expect(await ask(visitor, event)).toMatchObject({ ok: false, error: { code: 'validation.failed', details: { issues: [{ path: '(arguments)' }] } } });
  });

  it('answers a /visitor message.send with an extra argument with validation.failed, and stores nothing', async () => {
    const answer = await ask(visitor, 'message.send', { clientMessageId: 'two-args-0001', body: 'Halo' }, 'extra');
    expect(answer).toMatchObject({ ok: false, error: { code: 'validation.failed' } });
    expect(await t.db.messages.findByExternalId('webchat', 'two-args-0001')).toBeNull();
  });

  it('answers an /agent sync without a payload, or with an extra argument, with validation.failed', async () => {
    expect(await ask(agent, 'sync')).toMatchObject({ ok: false, error: { code: 'validation.failed' } });
    expect(await ask(agent, 'sync', { lastEventId: 0 }, null)).toMatchObject({ ok: false, error: { code: 'validation.failed' } });
  });

  it('still answers the calls the widget and console make', async () => {
    expect(await ask(agent, 'sync', { lastEventId: 0 })).toMatchObject({ ok: true });
    expect(await ask(visitor, 'message.send', { clientMessageId: 'one-arg-00001', body: 'Halo' })).toMatchObject({ ok: true, duplicate: false });
  });
});
