import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connected, eventually, startTestApp, type TestApp } from '../testing/test-app.ts';
import { joinedConfig } from '../testing/redis-test.ts';
import { newTicket, watch, watchersSeenBy } from '../testing/ticket-watch.testkit.ts';

describe('who else has a ticket open, across API processes joined by Redis', () => {
  let a: TestApp;
  let b: TestApp;
  const config = joinedConfig({ PRESENCE_TTL: 1_000 });
  beforeAll(async () => {
    a = await startTestApp({ config });
    b = await startTestApp({ shareDatabaseWith: a, config });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('shows an agent on A and an agent on B to each other, viewing and typing, and drops the one who disconnects', async () => {
    const ticketId = await newTicket(a, 'dua-proses');
    const onA = a.agentSocket(await a.login());
    const onB = b.agentSocket(await b.loginAdmin());
    await Promise.all([connected(onA), connected(onB)]);
    const seenOnA = watchersSeenBy(onA);
    const seenOnB = watchersSeenBy(onB);

    await watch(onA, { ticketId, typing: false });
    const answer = await watch(onB, { ticketId, typing: false });
    expect(answer.ok && answer.viewers.map((viewer) => viewer.name)).toEqual(['Test Agent', 'Test Admin']);
    await eventually(() => expect(seenOnA(ticketId)).toEqual([{ name: 'Test Agent', typing: false }, { name: 'Test Admin', typing: false }]));

    await watch(onB, { ticketId, typing: true });
    await eventually(() => expect(seenOnA(ticketId)).toContainEqual({ name: 'Test Admin', typing: true }));
    await watch(onA, { ticketId, typing: true });
    await eventually(() => expect(seenOnB(ticketId)).toEqual([{ name: 'Test Agent', typing: true }, { name: 'Test Admin', typing: true }]));

    onB.disconnect();
    await eventually(() => expect(seenOnA(ticketId)).toEqual([{ name: 'Test Agent', typing: true }]));
    onA.disconnect();
  });

  it('drops the viewers of a process that died without a word', async () => {
    const ticketId = await newTicket(a, 'proses-mati');
    const doomed = await startTestApp({ shareDatabaseWith: a, config });
    try {
      const onA = a.agentSocket(await a.login());
      const onDoomed = doomed.agentSocket(await doomed.loginAdmin());
      await Promise.all([connected(onA), connected(onDoomed)]);
      const seenOnA = watchersSeenBy(onA);
      await watch(onA, { ticketId, typing: false });
      await watch(onDoomed, { ticketId, typing: true });
      await eventually(() => expect(seenOnA(ticketId)).toContainEqual({ name: 'Test Admin', typing: true }));
      // What Redis sees of a SIGKILL: the process's connections drop and it never answers again. Its
      // socket stays open to it, so no disconnect announces anything: only A's next sweep can tell.
      const { commands, publisher, subscriber } = doomed.app.services.redis!;
      for (const client of [commands, publisher, subscriber]) client.disconnect();
      await eventually(() => expect(seenOnA(ticketId)).toEqual([{ name: 'Test Agent', typing: false }]), 3_000);
      onA.disconnect();
    } finally {
      await doomed.close();
    }
  });

  it('drops the viewers of a process that shuts down at once, without waiting for a sweep', async () => {
    const ticketId = await newTicket(a, 'proses-tutup');
    // A sweep this far apart cannot be what removes them.
    const leaving = await startTestApp({ shareDatabaseWith: a, config: { ...config, PRESENCE_TTL: 60_000 } });
    const onA = a.agentSocket(await a.login());
    const onLeaving = leaving.agentSocket(await leaving.loginAdmin());
    await Promise.all([connected(onA), connected(onLeaving)]);
    const seenOnA = watchersSeenBy(onA);
    await watch(onA, { ticketId, typing: false });
    await watch(onLeaving, { ticketId, typing: false });
    await eventually(() => expect(seenOnA(ticketId)).toHaveLength(2));
    await leaving.close();
    await eventually(() => expect(seenOnA(ticketId)).toEqual([{ name: 'Test Agent', typing: false }]), 1_500);
    onA.disconnect();
  });
});
