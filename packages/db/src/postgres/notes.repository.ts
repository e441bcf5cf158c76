import { asc, eq, getTableColumns } from 'drizzle-orm';
import type { NoteRepository, TicketNote } from '@keluh/core';
import { ticketNotes, users } from './schema/index.ts';
import type { PgDb } from './pg-db.ts';

export function createNoteRepository(db: PgDb): NoteRepository {
  const withAuthor = () => db.select({ ...getTableColumns(ticketNotes), authorName: users.name }).from(ticketNotes).innerJoin(users, eq(users.id, ticketNotes.authorUserId)).$dynamic();
  return {
    async create(note) {
      const [row] = await db.insert(ticketNotes).values(note).returning({ id: ticketNotes.id });
      const [stored] = await withAuthor().where(eq(ticketNotes.id, row!.id));
      return stored as TicketNote;
    },

    async listForTicket(ticketId) {
      return (await withAuthor().where(eq(ticketNotes.ticketId, ticketId)).orderBy(asc(ticketNotes.id))) as TicketNote[];
    },
  };
}
