import { asc, eq } from 'drizzle-orm';
import type { HolidayList, HolidayListRepository } from '@keluh/core';
import { holidayLists } from './schema/index.ts';
import type { PgDb } from './pg-db.ts';

const shape = ({ id, name, holidays, updatedAt }: typeof holidayLists.$inferSelect): HolidayList => ({ id, name, holidays, updatedAt });

export function createHolidayListRepository(db: PgDb): HolidayListRepository {
  return {
    async list() {
      return (await db.select().from(holidayLists).orderBy(asc(holidayLists.id))).map(shape);
    },
    async findById(id) {
      const [row] = await db.select().from(holidayLists).where(eq(holidayLists.id, id));
      return row ? shape(row) : null;
    },
    async createIfAbsent(name, holidays, now) {
      // The unique name decides between two processes seeding at once: the second waits, then inserts nothing.
      const [row] = await db.insert(holidayLists).values({ name, holidays: [...holidays], createdAt: now, updatedAt: now }).onConflictDoNothing().returning();
      return row ? shape(row) : null;
    },
    async replace(id, input, now) {
      const [row] = await db.update(holidayLists).set({ name: input.name, holidays: [...input.holidays], updatedAt: now }).where(eq(holidayLists.id, id)).returning();
      return row ? shape(row) : null;
    },
  };
}
