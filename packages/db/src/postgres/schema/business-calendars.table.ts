import { pgTable } from 'drizzle-orm/pg-core';
import type { BusinessWindow } from '@keluh/core';
import { id } from './id.column.ts';
import { instant } from './instant.column.ts';
import { jsonb } from './jsonb.column.ts';
import { holidayLists } from './holiday-lists.table.ts';
import { teams } from './teams.table.ts';

/** A team's weekly business hours (in the team's time zone) and the holiday list it follows. */
export const businessCalendars = pgTable('business_calendars', {
  teamId: id('team_id')
    .primaryKey()
    .references(() => teams.id, { onDelete: 'cascade' }),
  windows: jsonb<BusinessWindow[]>('windows').notNull(),
  holidayListId: id('holiday_list_id').references(() => holidayLists.id, { onDelete: 'set null' }),
  updatedAt: instant('updated_at').notNull(),
});
