import { and, asc, desc, eq, getTableColumns, gt, inArray, isNotNull, lte, ne, sql } from 'drizzle-orm';
import type { CustomerAttributeDef, CustomerNote, CustomerProfileRepository } from '@keluh/core';
import { customerAttributeDefs, customerAttributes, customerNotes, customers, messages, reviews, tickets, users } from '../schema/index.ts';
import type { SqliteDb } from './sqlite-db.ts';

export function createCustomerProfileRepository(db: SqliteDb): CustomerProfileRepository {
  const notesWithAuthor = () =>
    db.select({ ...getTableColumns(customerNotes), authorName: users.name }).from(customerNotes).innerJoin(users, eq(users.id, customerNotes.authorUserId)).$dynamic();
  return {
    async addNote(input, now) {
      const { id } = db.insert(customerNotes).values({ ...input, createdAt: now }).returning({ id: customerNotes.id }).get();
      return notesWithAuthor().where(eq(customerNotes.id, id)).get() as CustomerNote;
    },

    async listNotes(customerId) {
      return notesWithAuthor().where(eq(customerNotes.customerId, customerId)).orderBy(desc(customerNotes.id)).all() as CustomerNote[];
    },

    async createDefIfAbsent(input, now) {
      const row = db
        .insert(customerAttributeDefs)
        .values({ ...input, position: input.position ?? 0, createdAt: now, updatedAt: now })
        .onConflictDoNothing()
        .returning()
        .get();
      return (row as CustomerAttributeDef | undefined) ?? null;
    },

    async updateDef(key, patch, now) {
      const row = db.update(customerAttributeDefs).set({ ...patch, updatedAt: now }).where(eq(customerAttributeDefs.key, key)).returning().get();
      return (row as CustomerAttributeDef | undefined) ?? null;
    },

    async deleteDef(key) {
      // Values go with it (ON DELETE CASCADE), so a re-created key starts empty.
      return db.delete(customerAttributeDefs).where(eq(customerAttributeDefs.key, key)).run().changes > 0;
    },

    async findDefs(keys) {
      if (keys.length === 0) return [];
      return db.select().from(customerAttributeDefs).where(inArray(customerAttributeDefs.key, [...keys])).all() as CustomerAttributeDef[];
    },

    async listDefs() {
      return db.select().from(customerAttributeDefs).orderBy(asc(customerAttributeDefs.position), asc(customerAttributeDefs.key)).all() as CustomerAttributeDef[];
    },

    async setAttributes(customerId, values, now) {
      for (const [key, value] of Object.entries(values)) {
        if (value === null) {
          db.delete(customerAttributes).where(and(eq(customerAttributes.customerId, customerId), eq(customerAttributes.key, key))).run();
          continue;
        }
        db.insert(customerAttributes)
          .values({ customerId, key, value, updatedAt: now })
          .onConflictDoUpdate({ target: [customerAttributes.customerId, customerAttributes.key], set: { value, updatedAt: now } })
          .run();
      }
    },

    async listAttributes(customerId) {
      return db.select().from(customerAttributes).where(eq(customerAttributes.customerId, customerId)).orderBy(asc(customerAttributes.key)).all();
    },

    async listTicketChannels(customerId) {
      return db
        .selectDistinct({ ticketId: messages.ticketId, channel: messages.channel })
        .from(messages)
        .innerJoin(tickets, eq(tickets.id, messages.ticketId))
        .where(eq(tickets.customerId, customerId))
        .orderBy(asc(messages.ticketId), asc(messages.channel))
        .all();
    },

    async listInboundTexts(afterId, limit, perCustomer) {
      const people = db
        .select({ id: customers.id, language: customers.language })
        .from(customers)
        .where(gt(customers.id, afterId))
        .orderBy(asc(customers.id))
        .limit(limit)
        .all();
      if (people.length === 0) return [];
      // Only each customer's newest messages leave the database: a long-standing customer may have thousands.
      const ranked = db
        .select({
          customerId: sql<number>`${tickets.customerId}`.as('customer_id'),
          body: sql<string>`${messages.body}`.as('body'),
          rank: sql<number>`row_number() over (partition by ${tickets.customerId} order by ${messages.sentAt} desc, ${messages.id} desc)`.as('rank'),
        })
        .from(messages)
        .innerJoin(tickets, eq(tickets.id, messages.ticketId))
        .where(and(inArray(tickets.customerId, people.map((person) => person.id)), eq(messages.direction, 'in'), ne(messages.body, '')))
        .as('ranked');
      const rows = db.select({ customerId: ranked.customerId, body: ranked.body }).from(ranked).where(lte(ranked.rank, perCustomer)).orderBy(asc(ranked.customerId), asc(ranked.rank))
        .all();
      const texts = new Map<number, string[]>();
      for (const row of rows) texts.set(Number(row.customerId), [...(texts.get(Number(row.customerId)) ?? []), row.body]);
      return people.map((person) => ({ customerId: person.id, language: person.language, texts: texts.get(person.id) ?? [] }));
    },

    async listCsat(customerId) {
      const rows = db
        .select({ reviewId: reviews.id, ticketId: reviews.ticketId, channel: reviews.channel, score: reviews.score, comment: reviews.comment, ratedAt: reviews.ratedAt })
        .from(reviews)
        .where(and(eq(reviews.customerId, customerId), isNotNull(reviews.score), isNotNull(reviews.ratedAt)))
        .orderBy(desc(reviews.ratedAt), desc(reviews.id))
        .all();
      return rows.map((row) => ({ ...row, score: row.score!, ratedAt: row.ratedAt! }));
    },
  };
}

