import { asc, eq } from 'drizzle-orm';
import type { HolidayList, HolidayListRepository } from '@keluh/core';
import { holidayLists } from '../schema/index.ts';
import type { SqliteDb } from './sqlite-db.ts';

const shape = ({ id, name, holidays, updatedAt }: typeof holidayLists.$inferSelect): HolidayList => ({ id, name, holidays, updatedAt });

export function createHolidayListRepository(db: SqliteDb): HolidayListRepository {
  return {
    async list() {
      return db.select().from(holidayLists).orderBy(asc(holidayLists.id)).all().map(shape);
    },
    async findById(id) {
      const row = db.select().from(holidayLists).where(eq(holidayLists.id, id)).get();
      return row ? shape(row) : null;
    },
    async createIfAbsent(name, holidays, now) {
      const row = db.insert(holidayLists).values({ name, holidays: [...holidays], createdAt: now, updatedAt: now }).onConflictDoNothing().returning().get();
      return row ? shape(row) : null;
    },
    async replace(id, input, now) {
      const row = db.update(holidayLists).set({ name: input.name, holidays: [...input.holidays], updatedAt: now }).where(eq(holidayLists.id, id)).returning().get();
      return row ? shape(row) : null;
    },
  };
}
