import { asc, eq, getTableColumns } from 'drizzle-orm';
import type { NoteRepository, TicketNote } from '@keluh/core';
import { ticketNotes, users } from '../schema/index.ts';
import type { SqliteDb } from './sqlite-db.ts';

export function createNoteRepository(db: SqliteDb): NoteRepository {
  const withAuthor = () => db.select({ ...getTableColumns(ticketNotes), authorName: users.name }).from(ticketNotes).innerJoin(users, eq(users.id, ticketNotes.authorUserId)).$dynamic();
  return {
    async create(note) {
      const { id } = db.insert(ticketNotes).values(note).returning({ id: ticketNotes.id }).get();
      return withAuthor().where(eq(ticketNotes.id, id)).get()! as TicketNote;
    },

    async listForTicket(ticketId) {
      return withAuthor().where(eq(ticketNotes.ticketId, ticketId)).orderBy(asc(ticketNotes.id)).all() as TicketNote[];
    },
  };
}
