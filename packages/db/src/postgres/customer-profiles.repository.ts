import { and, asc, desc, eq, getTableColumns, gt, inArray, isNotNull, lte, ne, sql } from 'drizzle-orm';
import type { CustomerAttributeDef, CustomerNote, CustomerProfileRepository } from '@keluh/core';
import { customerAttributeDefs, customerAttributes, customerNotes, customers, messages, reviews, tickets, users } from './schema/index.ts';
import type { PgDb } from './pg-db.ts';

export function createCustomerProfileRepository(db: PgDb): CustomerProfileRepository {
  const notesWithAuthor = () =>
    db.select({ ...getTableColumns(customerNotes), authorName: users.name }).from(customerNotes).innerJoin(users, eq(users.id, customerNotes.authorUserId)).$dynamic();
  return {
    async addNote(input, now) {
      const [row] = await db.insert(customerNotes).values({ ...input, createdAt: now }).returning({ id: customerNotes.id });
      const [note] = await notesWithAuthor().where(eq(customerNotes.id, row!.id));
      return note as CustomerNote;
    },

    async listNotes(customerId) {
      return (await notesWithAuthor().where(eq(customerNotes.customerId, customerId)).orderBy(desc(customerNotes.id))) as CustomerNote[];
    },

    async createDefIfAbsent(input, now) {
      const [row] = await db
        .insert(customerAttributeDefs)
        .values({ ...input, position: input.position ?? 0, createdAt: now, updatedAt: now })
        .onConflictDoNothing()
        .returning();
      return (row as CustomerAttributeDef | undefined) ?? null;
    },

    async updateDef(key, patch, now) {
      const [row] = await db.update(customerAttributeDefs).set({ ...patch, updatedAt: now }).where(eq(customerAttributeDefs.key, key)).returning();
      return (row as CustomerAttributeDef | undefined) ?? null;
    },

    async deleteDef(key) {
      // Values go with it (ON DELETE CASCADE), so a re-created key starts empty.
      const removed = await db.delete(customerAttributeDefs).where(eq(customerAttributeDefs.key, key)).returning({ key: customerAttributeDefs.key });
      return removed.length > 0;
    },

    async findDefs(keys) {
      if (keys.length === 0) return [];
      return (await db.select().from(customerAttributeDefs).where(inArray(customerAttributeDefs.key, [...keys]))) as CustomerAttributeDef[];
    },

    async listDefs() {
      return (await db.select().from(customerAttributeDefs).orderBy(asc(customerAttributeDefs.position), asc(customerAttributeDefs.key))) as CustomerAttributeDef[];
    },

    async setAttributes(customerId, values, now) {
      for (const [key, value] of Object.entries(values)) {
        if (value === null) {
          await db.delete(customerAttributes).where(and(eq(customerAttributes.customerId, customerId), eq(customerAttributes.key, key)));
          continue;
        }
        await db
          .insert(customerAttributes)
          .values({ customerId, key, value, updatedAt: now })
          .onConflictDoUpdate({ target: [customerAttributes.customerId, customerAttributes.key], set: { value, updatedAt: now } });
      }
    },

    async listAttributes(customerId) {
      return db.select().from(customerAttributes).where(eq(customerAttributes.customerId, customerId)).orderBy(asc(customerAttributes.key));
    },

    async listTicketChannels(customerId) {
      return db
        .selectDistinct({ ticketId: messages.ticketId, channel: messages.channel })
        .from(messages)
        .innerJoin(tickets, eq(tickets.id, messages.ticketId))
        .where(eq(tickets.customerId, customerId))
        .orderBy(asc(messages.ticketId), asc(messages.channel));
    },

    async listInboundTexts(afterId, limit, perCustomer) {
      const people = await db
        .select({ id: customers.id, language: customers.language })
        .from(customers)
        .where(gt(customers.id, afterId))
        .orderBy(asc(customers.id))
        .limit(limit);
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
      const rows = await db.select({ customerId: ranked.customerId, body: ranked.body }).from(ranked).where(lte(ranked.rank, perCustomer)).orderBy(asc(ranked.customerId), asc(ranked.rank));
      const texts = new Map<number, string[]>();
      for (const row of rows) texts.set(Number(row.customerId), [...(texts.get(Number(row.customerId)) ?? []), row.body]);
      return people.map((person) => ({ customerId: person.id, language: person.language, texts: texts.get(person.id) ?? [] }));
    },

    async listCsat(customerId) {
      const rows = await db
        .select({ reviewId: reviews.id, ticketId: reviews.ticketId, channel: reviews.channel, score: reviews.score, comment: reviews.comment, ratedAt: reviews.ratedAt })
        .from(reviews)
        .where(and(eq(reviews.customerId, customerId), isNotNull(reviews.score), isNotNull(reviews.ratedAt)))
        .orderBy(desc(reviews.ratedAt), desc(reviews.id));
      return rows.map((row) => ({ ...row, score: row.score!, ratedAt: row.ratedAt! }));
    },
  };
}

