import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENT, connected, startTestApp, type TestApp } from '../testing/test-app.ts';
import { joinedConfig } from '../testing/redis-test.ts';

type Ack = { ok: true } | { ok: false; error: { code: string; details?: { scope?: string } } };

describe('rate limits shared by two API processes through Redis', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    const joined = joinedConfig({ WIDGET_MESSAGE_RATE: { limit: 3, windowMs: 60_000 }, WIDGET_MESSAGE_IP_RATE: { limit: 1_000, windowMs: 60_000 } });
    a = await startTestApp({ config: joined });
    b = await startTestApp({ shareDatabaseWith: a, config: joined });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  const send = (socket: ReturnType<TestApp['visitorSocket']>, clientMessageId: string): Promise<Ack> =>
    new Promise((resolve) => socket.emit('message.send', { clientMessageId, body: `Pesan ${clientMessageId}` }, resolve as never));

  it('count a visitor who hops between processes once', async () => {
    const visitor = await a.newVisitor();
    const onA = a.visitorSocket(visitor.visitorToken);
    const onB = b.visitorSocket(visitor.visitorToken);
    await Promise.all([connected(onA), connected(onB)]);
    expect((await send(onA, 'hop-0001')).ok).toBe(true);
    expect((await send(onB, 'hop-0002')).ok).toBe(true);
    expect((await send(onA, 'hop-0003')).ok).toBe(true);
    // Each process has seen at most two of them: only a shared count refuses the fourth.
    expect(await send(onB, 'hop-0004')).toMatchObject({ ok: false, error: { code: 'rate_limited', details: { scope: 'visitor' } } });
    expect(await send(onA, 'hop-0005')).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    const identity = await a.db.identities.findByExternalId('webchat', visitor.visitorId);
    const [ticket] = await a.db.tickets.listForCustomer(identity!.customerId);
    expect((await a.db.messages.listForTicket(ticket!.id)).map((message) => message.body)).toEqual(['Pesan hop-0001', 'Pesan hop-0002', 'Pesan hop-0003']);
  });

  it("count an address's sign-ins over both processes against one per-address limit", async () => {
    const signIn = (t: TestApp) => t.app.inject({ method: 'POST', url: '/api/auth/token', payload: AGENT });
    const statuses: number[] = [];
    for (let i = 0; i < 10; i += 1) statuses.push((await signIn(a)).statusCode, (await signIn(b)).statusCode);
    expect(statuses).toEqual(Array(20).fill(200));
    const refused = await signIn(a);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('rate_limited');
    expect((await signIn(b)).statusCode).toBe(429);
  });
});
