import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ingestMessage,
  makePromise,
  promiseJobHandlers,
  runDueJobs,
  settlePromise,
  suggestPromiseDue,
  type CoreDeps,
  type Database,
  type StoredEvent,
  type Ticket,
} from '@keluh/core';
import { fakeClock, freshDb, recordingPublisher, T0 } from '../testing/fixtures.ts';
import { reopenTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { recordFor } from '../testing/resolution-fixtures.ts';

const HOUR = 3_600_000;
const DUE = '2026-03-02T13:00:00.000Z';

describe('promises made to customers', () => {
  let db: Database;
  let clock: ReturnType<typeof fakeClock>;
  let events: ReturnType<typeof recordingPublisher>;
  let deps: CoreDeps;
  let agentId: number;
  let ticket: Ticket;
  const promiseEvents = (list: StoredEvent[]) => list.flatMap((event) => (event.type === 'promise.updated' ? [event.payload.change] : []));

  beforeEach(async () => {
    db = await freshDb();
    clock = fakeClock(T0, 0);
    events = recordingPublisher();
    deps = { db, clock, events };
    agentId = (await db.users.create({ email: 'dewi@k.id', name: 'Dewi', role: 'agent', passwordHash: 'h' }, T0)).id;
    ticket = (await ingestMessage(deps, { kind: 'message', channel: 'whatsapp', externalMessageId: 'wamid.1', sender: { externalId: '62811', displayName: 'Rina' }, body: 'Kurir SiCepat tidak datang ke Bekasi', sentAt: T0 })).ticket;
  });
  afterEach(() => db.close());

  it('schedules the reminder and the overdue notice with the promise, owned by its maker by default', async () => {
    const promise = await makePromise(deps, { ticketId: ticket.id, text: 'Kurir dijadwalkan ulang', dueAt: DUE, byUserId: agentId });
    expect(promise).toMatchObject({ ownerUserId: agentId, ownerName: 'Dewi', state: 'open', dueAt: DUE, createdBy: agentId });
    const due = await db.jobs.claimDue(['promise.reminder', 'promise.overdue'], '2026-03-09T00:00:00.000Z', 10, { owner: 'look', until: '2026-03-09T00:01:00.000Z' });
    expect(due.map((job) => [job.kind, job.key, job.runAt]).sort()).toEqual([
      ['promise.overdue', String(promise.id), DUE],
      ['promise.reminder', String(promise.id), '2026-03-02T12:00:00.000Z'],
    ]);
    expect(promiseEvents(events.published)).toEqual(['created']);
  });

  it('refuses a due time in the past, a second open promise and an unknown owner, storing nothing', async () => {
    await expect(makePromise(deps, { ticketId: ticket.id, text: 'Besok', dueAt: '2026-03-01T00:00:00.000Z', byUserId: agentId })).rejects.toMatchObject({ code: 'promise.due_in_past' });
    await expect(makePromise(deps, { ticketId: ticket.id, text: 'Besok', dueAt: DUE, ownerUserId: 9999, byUserId: agentId })).rejects.toMatchObject({ code: 'user.not_found' });
    await expect(makePromise(deps, { ticketId: 9999, text: 'Besok', dueAt: DUE, byUserId: agentId })).rejects.toMatchObject({ code: 'ticket.not_found' });
    expect(await db.promises.listForTicket(ticket.id)).toEqual([]);
    await makePromise(deps, { ticketId: ticket.id, text: 'Besok', dueAt: DUE, byUserId: agentId });
    await expect(makePromise(deps, { ticketId: ticket.id, text: 'Lusa', dueAt: DUE, byUserId: agentId })).rejects.toMatchObject({ code: 'promise.open_exists' });
    expect(await db.promises.listForTicket(ticket.id)).toHaveLength(1);
  });

  it('is kept, broken or cancelled once only', async () => {
    const promise = await makePromise(deps, { ticketId: ticket.id, text: 'Besok', dueAt: DUE, byUserId: agentId });
    expect(await settlePromise(deps, { promiseId: promise.id, state: 'kept', byUserId: agentId })).toMatchObject({ state: 'kept', settledBy: agentId });
    await expect(settlePromise(deps, { promiseId: promise.id, state: 'broken', byUserId: agentId })).rejects.toMatchObject({ code: 'promise.settled' });
    await expect(settlePromise(deps, { promiseId: 9999, state: 'broken', byUserId: agentId })).rejects.toMatchObject({ code: 'promise.not_found' });
    expect(promiseEvents(events.published)).toEqual(['created', 'kept']);
  });

  it('reminds the owner exactly once when two job runners share the database, then tells them it is overdue', async () => {
    const other = await reopenTestDatabase((db as TestDatabase).url);
    try {
      const otherEvents = recordingPublisher();
      const promise = await makePromise(deps, { ticketId: ticket.id, text: 'Besok', dueAt: DUE, byUserId: agentId });
      const runners = [
        { deps, owner: 'process-a' },
        { deps: { db: other, clock, events: otherEvents }, owner: 'process-b' },
      ];
      // Whichever process ran a job published its event: the log order is the id order.
      const both = () => [...events.published, ...otherEvents.published].sort((a, b) => a.id - b.id);
      const runAll = () => Promise.all(runners.map((runner) => runDueJobs(runner.deps, promiseJobHandlers(runner.deps), { owner: runner.owner })));
      await runAll();
      expect(promiseEvents(both())).toEqual(['created']);
      clock.advance(4 * HOUR + 1);
      await runAll();
      await runAll();
      expect(promiseEvents(both())).toEqual(['created', 'reminder']);
      expect((await db.promises.findById(promise.id))?.remindedAt).toBe(clock.now());
      clock.advance(HOUR);
      await runAll();
      expect(promiseEvents(both())).toEqual(['created', 'reminder', 'overdue']);
    } finally {
      await other.close();
    }
  });

  it('sends no reminder for a promise already kept', async () => {
    const promise = await makePromise(deps, { ticketId: ticket.id, text: 'Besok', dueAt: DUE, byUserId: agentId });
    await settlePromise(deps, { promiseId: promise.id, state: 'kept', byUserId: agentId });
    clock.advance(6 * HOUR);
    expect((await runDueJobs(deps, promiseJobHandlers(deps), { owner: 'a' })).ran).toBe(2);
    expect(promiseEvents(events.published)).toEqual(['created', 'kept']);
  });

  it('suggests the due time from how long similar past cases took', async () => {
    for (const [i, hours] of [2, 4, 6, 8, 10].entries()) {
      const customer = await db.customers.create({ name: `Past ${i}` }, T0);
      const past = (await db.tickets.createActiveIfAbsent({ customerId: customer.id, subject: 'x', channel: 'whatsapp' }, T0))!;
      await db.resolutions.save(recordFor(past, { customerText: `Kurir SiCepat tidak datang ke Bekasi, kasus ${i}`, timeToFixMs: hours * HOUR }));
    }
    expect(await suggestPromiseDue(deps, ticket.id)).toEqual({ basedOn: 5, source: 'similar', medianMs: 6 * HOUR, p80Ms: 8.4 * HOUR, suggestedDueAt: '2026-03-02T16:30:00.000Z' });
    await expect(suggestPromiseDue(deps, 9999)).rejects.toMatchObject({ code: 'ticket.not_found' });
  });
});
