import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { assignmentModes } from '@keluh/core';

export const teams = sqliteTable('teams', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  /** IANA zone of the team's business-hours calendar and report days (Asia/Jakarta = WIB). */
  timeZone: text('time_zone').notNull().default('Asia/Jakarta'),
  assignmentMode: text('assignment_mode', { enum: assignmentModes }).notNull().default('manual'),
  /** Open tickets per channel an agent of this team takes when they have no capacity row of their own. */
  defaultCapacity: integer('default_capacity').notNull().default(5),
  createdAt: text('created_at').notNull(),
});
