import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '@keluh/core';
import { freshDb, seedTicket, T0 } from '../testing/fixtures.ts';

describe('ticket activities', () => {
  let db: Database;
  beforeEach(async () => {
    db = await freshDb();
  });
  afterEach(() => db.close());

  it('what the system did to a ticket is kept with its data, in order, per ticket', async () => {
    const ticket = await seedTicket(db);
    const other = await seedTicket(db, { name: 'Budi' });
    const raised = await db.activities.record({
      ticketId: ticket.id,
      actorUserId: null,
      at: T0,
      kind: 'priority.raised',
      data: { from: 'normal', to: 'high', messageId: 3, anger: 80, urgency: 20, cues: ['kecewa', '!!!'] },
    });
    expect(raised).toEqual({ id: raised.id, ticketId: ticket.id, actorUserId: null, at: T0, kind: 'priority.raised', data: { from: 'normal', to: 'high', messageId: 3, anger: 80, urgency: 20, cues: ['kecewa', '!!!'] } });
    await db.activities.record({ ticketId: ticket.id, actorUserId: null, at: T0, kind: 'complaint.unmarked', data: { reason: 'Cuma tanya' } });
    await db.activities.record({ ticketId: other.id, actorUserId: null, at: T0, kind: 'complaint.marked', data: {} });
    expect((await db.activities.listForTicket(ticket.id)).map((a) => a.kind)).toEqual(['priority.raised', 'complaint.unmarked']);
    expect((await db.activities.listForTicket(other.id))[0]).toMatchObject({ kind: 'complaint.marked', data: {} });
  });
});
