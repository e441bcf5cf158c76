import { eq } from 'drizzle-orm';
import type { BusinessCalendarRepository } from '@keluh/core';
import { businessCalendars, teams } from './schema/index.ts';
import type { PgDb } from './pg-db.ts';

export function createBusinessCalendarRepository(db: PgDb): BusinessCalendarRepository {
  return {
    async findForTeam(teamId) {
      const [row] = await db
        .select({ teamId: teams.id, timeZone: teams.timeZone, calendarTeamId: businessCalendars.teamId, windows: businessCalendars.windows, holidayListId: businessCalendars.holidayListId, updatedAt: businessCalendars.updatedAt })
        .from(teams)
        .leftJoin(businessCalendars, eq(businessCalendars.teamId, teams.id))
        .where(eq(teams.id, teamId));
      if (!row) return null;
      const calendar = row.calendarTeamId !== null ? { teamId: row.teamId, windows: row.windows!, holidayListId: row.holidayListId, updatedAt: row.updatedAt! } : null;
      return { teamId: row.teamId, timeZone: row.timeZone, calendar };
    },
    async upsert(teamId, input, now) {
      if (input.timeZone !== undefined) await db.update(teams).set({ timeZone: input.timeZone }).where(eq(teams.id, teamId));
      const [row] = await db
        .insert(businessCalendars)
        .values({ teamId, windows: input.windows, holidayListId: input.holidayListId, updatedAt: now })
        .onConflictDoUpdate({ target: businessCalendars.teamId, set: { windows: input.windows, holidayListId: input.holidayListId, updatedAt: now } })
        .returning();
      return row!;
    },
  };
}
