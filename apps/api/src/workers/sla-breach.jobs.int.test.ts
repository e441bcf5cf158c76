import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlaPolicy, ingestMessage, slaJobHandlers, updateTicket, type StoredEvent, type TicketActivity } from '@keluh/core';
import type { AgentEvent } from '@keluh/contracts';
import { adjustableClock } from '../testing/adjustable-clock.ts';
import { connected, nextPushed, startTestApp, type TestApp } from '../testing/test-app.ts';

const SECOND = 1000;

describe('SLA warning, breach and escalation with two processes on one database', () => {
  let a: TestApp;
  let b: TestApp;
  // One clock for both processes: they share a database and, in production, the wall clock.
  const clock = adjustableClock();
  let sender = 0;

  beforeAll(async () => {
    a = await startTestApp({ clock });
    b = await startTestApp({ clock, shareDatabaseWith: a });
    await createSlaPolicy(a.app.services.core, { priority: 'normal', firstResponseSeconds: 60, nextResponseSeconds: null, resolutionSeconds: 3600, businessHours: false, escalation: ['notify_supervisors', 'raise_priority', 'reassign'] });
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  const openAssignedTicket = async () => {
    sender += 1;
    const core = a.app.services.core;
    const { ticket } = await ingestMessage(core, { kind: 'message', channel: 'webchat', externalMessageId: `sla-two-${sender}`, sender: { externalId: `sla-two-${sender}`, displayName: 'Rina' }, body: 'Kenapa belum ada yang balas?', sentAt: clock.now() });
    await updateTicket(core, ticket.id, { assigneeId: a.agentId });
    return ticket.id;
  };
  const runBoth = async () => {
    a.app.services.jobs.kick();
    b.app.services.jobs.kick();
    await Promise.all([a.app.services.jobs.settled(), b.app.services.jobs.settled()]);
  };
  const slaChanges = async (ticketId: number) =>
    (await a.db.events.listAfter(0, { limit: 10_000 }))
      .filter((event): event is Extract<StoredEvent, { type: 'sla.updated' }> => event.type === 'sla.updated' && event.ticketId === ticketId)
      .map((event) => event.payload.change)
      .filter((change) => change !== 'recomputed');
  const escalations = async (ticketId: number) =>
    (await a.db.activities.listForTicket(ticketId)).filter((activity): activity is Extract<TicketActivity, { kind: 'sla.escalated' }> => activity.kind === 'sla.escalated').map((activity) => activity.data.action);

  it('warns at 80 %, breaches at the due time and escalates once, whichever runner claims the jobs and however often they run', async () => {
    const ticketId = await openAssignedTicket();
    clock.advance(49 * SECOND);
    for (let i = 0; i < 3; i += 1) await runBoth();
    expect(await slaChanges(ticketId)).toEqual(['warning']);
    clock.advance(12 * SECOND);
    for (let i = 0; i < 3; i += 1) await runBoth();
    expect(await slaChanges(ticketId)).toEqual(['warning', 'breached']);
    expect(await escalations(ticketId)).toEqual(['notify_supervisors', 'raise_priority', 'reassign']);
    expect(await a.db.tickets.findById(ticketId)).toMatchObject({ priority: 'high', assigneeId: null });
    const [first] = (await a.db.slaClocks.listForTicket(ticketId)).filter((clock) => clock.metric === 'first_response');
    expect(first).toMatchObject({ state: 'breached', warnedAt: expect.any(String), breachedAt: expect.any(String) });
  });

  it('two processes running the same breach job at the same moment escalate once', async () => {
    const ticketId = await openAssignedTicket();
    const [first] = (await a.db.slaClocks.listForTicket(ticketId)).filter((clock) => clock.metric === 'first_response');
    const job = (await a.db.jobs.findByKey('sla.breach', `${ticketId}:first_response:${first!.startedAt}@${first!.dueAt}`))!;
    clock.advance(61 * SECOND);
    await Promise.all([slaJobHandlers(a.app.services.core)['sla.breach']!.run(job), slaJobHandlers(b.app.services.core)['sla.breach']!.run(job), runBoth()]);
    expect(await escalations(ticketId)).toEqual(['notify_supervisors', 'raise_priority', 'reassign']);
    expect((await slaChanges(ticketId)).filter((change) => change === 'breached')).toHaveLength(1);
  });

  it('a clock answered before its due time never breaches, even when its job comes round', async () => {
    const ticketId = await openAssignedTicket();
    clock.advance(10 * SECOND);
    const token = await a.login();
    const reply = await a.app.inject({ method: 'POST', url: `/api/tickets/${ticketId}/messages`, headers: { authorization: `Bearer ${token}` }, payload: { body: 'Halo Kak, kami bantu cek ya.' } });
    expect(reply.statusCode).toBe(201);
    clock.advance(60 * SECOND);
    await runBoth();
    expect(await slaChanges(ticketId)).toEqual([]);
    expect(await escalations(ticketId)).toEqual([]);
    expect((await a.db.slaClocks.listForTicket(ticketId)).find((clock) => clock.metric === 'first_response')).toMatchObject({ state: 'met' });
  });

  it('the runner finds a due breach by itself within seconds, not at a poll minutes later, and pushes it to the agent’s socket', async () => {
    const token = await a.login();
    const socket = a.agentSocket(token);
    await connected(socket);
    const ticketId = await openAssignedTicket();
    // The runner polls every second; the margin is for a loaded machine, still far below a 5-minute poll.
    const breached = nextPushed<AgentEvent>(socket, (event) => event.type === 'sla.updated' && event.ticketId === ticketId && event.payload.change === 'breached', 10_000);
    clock.advance(61 * SECOND);
    const event = await breached;
    expect(event.type === 'sla.updated' && event.payload.clocks.find((clock) => clock.metric === 'first_response')?.state).toBe('breached');
  });
});
