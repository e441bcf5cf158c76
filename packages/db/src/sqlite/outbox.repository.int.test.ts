import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '@keluh/core';
import { memoryDb, seedTicket, T0 } from '../testing/fixtures.ts';

const LATER = '2026-03-02T08:05:00.000Z';

describe('the outbox', () => {
  let db: Database;
  let messageIds: number[];
  beforeEach(async () => {
    db = memoryDb();
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

  it('a queued reply is due once its time has come, oldest first', async () => {
    const [a, b, c] = messageIds as [number, number, number];
    await db.outbox.enqueue({ messageId: b, channel: 'whatsapp', availableAt: '2026-03-02T08:00:02.000Z' }, T0);
    await db.outbox.enqueue({ messageId: a, channel: 'whatsapp', availableAt: '2026-03-02T08:00:01.000Z' }, T0);
    await db.outbox.enqueue({ messageId: c, channel: 'whatsapp', availableAt: LATER }, T0);
    const due = await db.outbox.listDue('2026-03-02T08:00:02.000Z', 10);
    expect(due.map((item) => item.messageId)).toEqual([a, b]);
    expect(due[0]).toMatchObject({ state: 'pending', attempts: 0, lastError: null, channel: 'whatsapp', createdAt: T0 });
    expect(await db.outbox.listDue(LATER, 2)).toHaveLength(2);
  });

  it('a failed attempt is retried later with the attempt counted and the error kept', async () => {
    const item = await db.outbox.enqueue({ messageId: messageIds[0]!, channel: 'whatsapp', availableAt: T0 }, T0);
    await db.outbox.reschedule(item.id, LATER, 'http.503: unavailable');
    expect(await db.outbox.listDue(T0, 10)).toEqual([]);
    const [again] = await db.outbox.listDue(LATER, 10);
    expect(again).toMatchObject({ id: item.id, attempts: 1, availableAt: LATER, lastError: 'http.503: unavailable' });
  });

  it('a sent message is never due again', async () => {
    const item = await db.outbox.enqueue({ messageId: messageIds[0]!, channel: 'whatsapp', availableAt: T0 }, T0);
    await db.outbox.markDone(item.id, T0);
    expect(await db.outbox.listDue(LATER, 10)).toEqual([]);
  });

  it('a message that failed for good leaves the queue with its reason', async () => {
    const item = await db.outbox.enqueue({ messageId: messageIds[0]!, channel: 'whatsapp', availableAt: T0 }, T0);
    await db.outbox.markFailed(item.id, 'recipient blocked us');
    expect(await db.outbox.listDue(LATER, 10)).toEqual([]);
  });

  it('a message can be queued for sending only once', async () => {
    await db.outbox.enqueue({ messageId: messageIds[0]!, channel: 'whatsapp', availableAt: T0 }, T0);
    await expect(db.outbox.enqueue({ messageId: messageIds[0]!, channel: 'whatsapp', availableAt: T0 }, T0)).rejects.toThrow(/UNIQUE/);
  });
});
