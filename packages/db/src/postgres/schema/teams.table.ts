import { integer, pgTable, text } from 'drizzle-orm/pg-core';
import { assignmentModes } from '@keluh/core';
import { id } from './id.column.ts';
import { instant } from './instant.column.ts';

export const teams = pgTable('teams', {
  id: id('id').primaryKey().generatedAlwaysAsIdentity(),
  name: text('name').notNull().unique(),
  /** IANA zone of the team's business-hours calendar and report days (Asia/Jakarta = WIB). */
  timeZone: text('time_zone').notNull().default('Asia/Jakarta'),
  assignmentMode: text('assignment_mode', { enum: assignmentModes }).notNull().default('manual'),
  /** Open tickets per channel an agent of this team takes when they have no capacity row of their own. */
  defaultCapacity: integer('default_capacity').notNull().default(5),
  createdAt: instant('created_at').notNull(),
});
