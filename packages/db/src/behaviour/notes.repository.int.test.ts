import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '@keluh/core';
import { freshDb, seedTicket, T0 } from '../testing/fixtures.ts';

describe('internal notes', () => {
  let db: Database;
  beforeEach(async () => {
    db = await freshDb();
  });
  afterEach(() => db.close());

  it('a note is kept with its author\'s name and the stage it was written in, in the order written', async () => {
    const ticket = await seedTicket(db);
    const other = await seedTicket(db, { name: 'Budi' });
    const dewi = await db.users.create({ email: 'dewi@k.id', name: 'Dewi', role: 'agent', passwordHash: 'h' }, T0);
    const note = await db.notes.create({ ticketId: ticket.id, authorUserId: dewi.id, body: 'Pelanggan VIP, hati-hati', stage: 2, createdAt: T0 });
    expect(note).toEqual({ id: note.id, ticketId: ticket.id, authorUserId: dewi.id, authorName: 'Dewi', body: 'Pelanggan VIP, hati-hati', stage: 2, createdAt: T0 });
    await db.notes.create({ ticketId: ticket.id, authorUserId: dewi.id, body: 'Sudah telepon kurir', stage: 3, createdAt: T0 });
    await db.notes.create({ ticketId: other.id, authorUserId: dewi.id, body: 'lain', stage: 1, createdAt: T0 });
    expect((await db.notes.listForTicket(ticket.id)).map((n) => n.body)).toEqual(['Pelanggan VIP, hati-hati', 'Sudah telepon kurir']);
  });
});
