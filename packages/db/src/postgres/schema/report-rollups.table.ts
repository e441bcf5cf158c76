import { bigint, index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { channelKinds, customerCharacteristics, customerTypes, reportGroupings, type Histogram, type RollupMetric } from '@keluh/core';
import { id } from './id.column.ts';
import { jsonb } from './jsonb.column.ts';

/**
 * Hourly report rollups (see the SQLite table). `hour` is the ISO text of the UTC hour on both engines: it
 * is part of `key`, and ranges compare it as text, which orders like time for this fixed shape.
 * `sum` is 64-bit: a year of resolution seconds overflows a 32-bit integer.
 */
export const reportRollups = pgTable(
  'report_rollups',
  {
    key: text('key').primaryKey(),
    /** `hour` or `day` (24 hours from `hour`: a WIB, WITA or WIT day, see core's DAY_BUCKET_OFFSETS). */
    span: text('span', { enum: ['hour', 'day'] }).notNull(),
    hour: text('hour').notNull(),
    metric: text('metric').$type<RollupMetric>().notNull(),
    /** Which report grouping the row serves (core's byGrouping): the team and that one dimension are set. */
    grouping: text('grouping', { enum: reportGroupings }).notNull(),
    teamId: id('team_id'),
    channel: text('channel', { enum: channelKinds }),
    agentId: id('agent_id'),
    customerType: text('customer_type', { enum: customerTypes }),
    characteristic: text('characteristic', { enum: customerCharacteristics }),
    count: integer('count').notNull(),
    sum: bigint('sum', { mode: 'number' }).notNull(),
    histogram: jsonb<Histogram>('histogram').notNull(),
  },
  (t) => [index('report_rollups_metric_hour_idx').on(t.metric, t.grouping, t.span, t.hour, t.teamId)],
);
