import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { channelKinds, customerCharacteristics, customerTypes, reportGroupings, type Histogram, type RollupMetric } from '@keluh/core';

/**
 * Hourly report rollups folded from the event log (core's foldEvents). `key` spells out hour, metric and
 * every dimension (nulls included), so one row per combination holds even where a unique index would let
 * NULLs repeat. No foreign keys: rollups outlive the tickets and users they counted.
 */
export const reportRollups = sqliteTable(
  'report_rollups',
  {
    key: text('key').primaryKey(),
    /** `hour` or `day` (24 hours from `hour`: a WIB, WITA or WIT day, see core's DAY_BUCKET_OFFSETS). */
    span: text('span', { enum: ['hour', 'day'] }).notNull(),
    hour: text('hour').notNull(),
    metric: text('metric').$type<RollupMetric>().notNull(),
    /** Which report grouping the row serves (core's byGrouping): the team and that one dimension are set. */
    grouping: text('grouping', { enum: reportGroupings }).notNull(),
    teamId: integer('team_id'),
    channel: text('channel', { enum: channelKinds }),
    agentId: integer('agent_id'),
    customerType: text('customer_type', { enum: customerTypes }),
    characteristic: text('characteristic', { enum: customerCharacteristics }),
    count: integer('count').notNull(),
    sum: integer('sum').notNull(),
    histogram: text('histogram', { mode: 'json' }).$type<Histogram>().notNull(),
  },
  // Every report reads one metric of one grouping over a range of hours, maybe for one team.
  (t) => [index('report_rollups_metric_hour_idx').on(t.metric, t.grouping, t.span, t.hour, t.teamId)],
);
