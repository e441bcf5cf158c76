import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { BusinessWindow } from '@keluh/core';
import { holidayLists } from './holiday-lists.table.ts';
import { teams } from './teams.table.ts';

/** A team's weekly business hours (in the team's time zone) and the holiday list it follows. */
export const businessCalendars = sqliteTable('business_calendars', {
  teamId: integer('team_id')
    .primaryKey()
    .references(() => teams.id, { onDelete: 'cascade' }),
  windows: text('windows', { mode: 'json' }).$type<BusinessWindow[]>().notNull(),
  holidayListId: integer('holiday_list_id').references(() => holidayLists.id, { onDelete: 'set null' }),
  updatedAt: text('updated_at').notNull(),
});
