import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { channelKinds } from '@keluh/core';
import { users } from './users.table.ts';

/** How many open tickets of a channel an agent takes at once (pending ones do not count). */
export const agentCapacities = sqliteTable(
  'agent_capacities',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    channel: text('channel', { enum: channelKinds }).notNull(),
    maxOpen: integer('max_open').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.channel] })],
);
