import { integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { channelKinds } from '@keluh/core';
import { id } from './id.column.ts';
import { users } from './users.table.ts';

/** How many open tickets of a channel an agent takes at once (pending ones do not count). */
export const agentCapacities = pgTable(
  'agent_capacities',
  {
    userId: id('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    channel: text('channel', { enum: channelKinds }).notNull(),
    maxOpen: integer('max_open').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.channel] })],
);
