import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database, Lease } from '@keluh/core';
import { freshDb, seedTicket, T0 } from '../testing/fixtures.ts';

const LATER = '2026-03-02T08:05:00.000Z';
const lease = (owner: string, until = '2026-03-02T08:01:00.000Z'): Lease => ({ owner, until });

describe('the outbox', () => {
  let db: Database;
  let messageIds: number[];
  beforeEach(async () => {
    db = await freshDb();
    const ticket = await seedTicket(db);
    messageIds = [];
    for (const body of ['one', 'two', 'three']) {
      const message = await db.messages.insertIfAbsent(
        { ticketId: ticket.id, direction: 'out', authorKind: 'agent', channel: 'whatsapp', body, status: 'queued', sentAt: T0 },
        T0,
      );
      messageIds.push(message!.id);
    }
  });
  afterEach(() => db.close());

  const enqueue = (index: number, availableAt = T0) => db.outbox.enqueue({ messageId: messageIds[index]!, channel: 'whatsapp', availableAt }, T0);

  it('a queued reply is claimed once its time has come, oldest first', async () => {
    const [a, b, c] = messageIds as [number, number, number];
    await enqueue(1, '2026-03-02T08:00:02.000Z');
    await enqueue(0, '2026-03-02T08:00:01.000Z');
    await enqueue(2, LATER);
    const due = await db.outbox.claimDue('2026-03-02T08:00:02.000Z', 10, lease('p1', '2026-03-02T09:00:00.000Z'));
    expect(due.map((item) => item.messageId)).toEqual([a, b]);
    expect(due[0]).toMatchObject({ state: 'pending', attempts: 0, lastError: null, channel: 'whatsapp', leaseOwner: 'p1', createdAt: T0 });
    expect((await db.outbox.claimDue(LATER, 10, lease('p2', '2026-03-02T08:06:00.000Z'))).map((item) => item.messageId)).toEqual([c]);
  });

  it('a claimed row is not claimed again while its lease lasts; once it runs out it is let go, waits, and is taken over', async () => {
    await enqueue(0);
    await enqueue(1);
    const [first] = await db.outbox.claimDue(T0, 1, lease('p1', '2026-03-02T08:01:00.000Z'));
    expect(await db.outbox.claimDue('2026-03-02T08:00:30.000Z', 10, lease('p2', '2026-03-02T09:00:00.000Z'))).toMatchObject([{ messageId: messageIds[1] }]);
    expect(await db.outbox.releaseExpired('2026-03-02T08:00:59.000Z', LATER)).toBe(0);
    // Run out, but still held: nobody claims it until it has been let go.
    expect(await db.outbox.claimDue('2026-03-02T08:01:00.000Z', 10, lease('p3'))).toEqual([]);
    expect(await db.outbox.releaseExpired('2026-03-02T08:01:00.000Z', LATER)).toBe(1);
    expect(await db.outbox.listPending(10)).toContainEqual(expect.objectContaining({ id: first!.id, leaseOwner: null, leaseUntil: null, availableAt: LATER, attempts: 0 }));
    expect(await db.outbox.claimDue('2026-03-02T08:04:59.000Z', 10, lease('p3'))).toEqual([]);
    const [takenOver] = await db.outbox.claimDue(LATER, 10, lease('p3', '2026-03-02T08:06:00.000Z'));
    expect(takenOver).toMatchObject({ id: first!.id, leaseOwner: 'p3' });
    // The crashed owner came back too late: it may record the send, but not retry or postpone.
    expect(await db.outbox.reschedule(first!.id, LATER, 'late', 'p1')).toBe(false);
    expect(await db.outbox.markDone(first!.id, 'p1')).toBe(false);
    expect(await db.outbox.claimDue('2026-03-02T09:00:00.000Z', 10, lease('p3', '2026-03-02T09:01:00.000Z'))).toEqual([]);
  });

  it('two processes claiming at once never both get a row', async () => {
    for (let i = 0; i < 3; i += 1) await enqueue(i);
    const [one, two] = await Promise.all([db.outbox.claimDue(T0, 10, lease('p1')), db.outbox.claimDue(T0, 10, lease('p2'))]);
    const claimed = [...one!, ...two!].map((item) => item.id);
    expect(claimed).toHaveLength(3);
    expect(new Set(claimed).size).toBe(3);
  });

  it('a failed attempt is retried later with the attempt counted and the error kept', async () => {
    const item = await enqueue(0);
    await db.outbox.claimDue(T0, 10, lease('p1'));
    expect(await db.outbox.reschedule(item.id, LATER, 'http.503: unavailable', 'p1')).toBe(true);
    expect(await db.outbox.claimDue('2026-03-02T08:04:00.000Z', 10, lease('p1'))).toEqual([]);
    const [again] = await db.outbox.claimDue(LATER, 10, lease('p1', '2026-03-02T08:06:00.000Z'));
    expect(again).toMatchObject({ id: item.id, attempts: 1, availableAt: LATER, lastError: 'http.503: unavailable' });
  });

  it('a postponed row keeps its attempt count', async () => {
    const item = await enqueue(0);
    await db.outbox.claimDue(T0, 10, lease('p1'));
    expect(await db.outbox.postpone(item.id, LATER, 'p1')).toBe(true);
    const [again] = await db.outbox.claimDue(LATER, 10, lease('p1', '2026-03-02T08:06:00.000Z'));
    expect(again).toMatchObject({ attempts: 0, availableAt: LATER });
  });

  it('a sent message or one that failed for good is never claimed again', async () => {
    const sent = await enqueue(0);
    const failed = await enqueue(1);
    await db.outbox.claimDue(T0, 10, lease('p1'));
    expect(await db.outbox.markDone(sent.id, 'p1')).toBe(true);
    expect(await db.outbox.markFailed(failed.id, 'recipient blocked us', 'p1')).toBe(true);
    expect(await db.outbox.claimDue('2026-03-02T10:00:00.000Z', 10, lease('p2', '2026-03-02T10:01:00.000Z'))).toEqual([]);
    expect(await db.outbox.listPending(10)).toEqual([]);
  });

  it('a message can be queued for sending only once', async () => {
    await enqueue(0);
    await expect(enqueue(0)).rejects.toThrow(/unique/i);
  });
});
