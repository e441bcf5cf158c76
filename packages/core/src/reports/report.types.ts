import type { ChannelKind } from '../channels/channel.types.ts';
import type { CustomerCharacteristic, CustomerType } from '../customers/customer.types.ts';
import type { Instant } from '../shared/instant.ts';
import type { SlaMetric } from '../sla/sla.types.ts';

export const reportKinds = ['first_response', 'next_response', 'resolution', 'sla_hit_rate', 'csat', 'promise_kept', 'stage_dwell', 'volume'] as const;
export type ReportKind = (typeof reportKinds)[number];

export const reportGroupings = ['channel', 'agent', 'team', 'customer_type', 'characteristic'] as const;
export type ReportGrouping = (typeof reportGroupings)[number];

/**
 * What one rollup row counts. `sla` counts final clock outcomes (sum = those met), `promise` settled
 * promises (sum = kept), `csat` ratings (sum = scores), the durations their seconds.
 */
export const rollupMetrics = [
  'first_response',
  'next_response',
  'resolution',
  // The same three durations counted in business seconds on the ticket's team calendar.
  'first_response.business',
  'next_response.business',
  'resolution.business',
  'sla',
  'csat',
  'promise',
  'stage_dwell.1',
  'stage_dwell.2',
  'stage_dwell.3',
  'stage_dwell.4',
  'stage_dwell.5',
  'volume.tickets',
  'volume.inbound',
  'volume.outbound',
] as const;
export type RollupMetric = (typeof rollupMetrics)[number];

export type RollupSpan = 'hour' | 'day';

/**
 * UTC offsets (hours) whose local days are also folded as day rows: WIB, WITA, WIT. A report in one of
 * these zones reads one row per day and group instead of 24; any other zone sums the hour rows.
 */
export const DAY_BUCKET_OFFSETS = [7, 8, 9] as const;

/** The dimensions a contribution is filed under; null where the event does not know it. */
export interface RollupDims {
  teamId: number | null;
  channel: ChannelKind | null;
  agentId: number | null;
  customerType: CustomerType | null;
  characteristic: CustomerCharacteristic | null;
}

/** Sparse histogram: bucket index (see histogram.rules.ts; the score itself for CSAT) → how many. */
export type Histogram = Record<string, number>;

/**
 * What a page of events adds to one rollup row. A row serves one grouping: it keeps the team (every report
 * may be narrowed to one) and that grouping's own dimension, the others null. So a report by channel reads
 * hours × teams × channels rows, however many agents, customer types and characteristics there are.
 */
export interface RollupDelta extends RollupDims {
  grouping: ReportGrouping;
  /** `hour`: the UTC hour starting at `hour`; `day`: the 24 hours starting there (a local day, see DAY_BUCKET_OFFSETS). */
  span: RollupSpan;
  /** The UTC hour the contribution falls in, as an Instant at the top of the hour. */
  hour: Instant;
  metric: RollupMetric;
  count: number;
  sum: number;
  histogram: Histogram;
}

/** What the fold remembers per ticket between events: where to file them and the reply clocks it measures. */
export interface ReportTicketState extends RollupDims {
  ticketId: number;
  channel: ChannelKind;
  /** The first customer message no human has answered yet; null when nothing waits. */
  awaitingSince: Instant | null;
  firstRepliedAt: Instant | null;
}

/** A clock's final outcome is counted once, whatever number of `sla.updated` events repeat it. */
export interface SlaOutcomeKey {
  ticketId: number;
  metric: SlaMetric;
  startedAt: Instant;
}

/** One local day of the report's zone as a half-open range of UTC hour buckets. */
export interface ReportDay {
  day: string;
  from: Instant;
  until: Instant;
}

/** Rollups summed per (day, group, metric), with the merged histogram: what the figures are computed from. */
export interface ReportCell {
  day: string;
  group: string | null;
  metric: RollupMetric;
  count: number;
  sum: number;
  histogram: Histogram;
}

export interface ReportCellQuery {
  metrics: readonly RollupMetric[];
  /** `day`: each report day is one folded day row (its `from` is that row's start); `hour`: sum its hours. */
  span: RollupSpan;
  days: readonly ReportDay[];
  groupBy: ReportGrouping;
  teamId: number | null;
  /** The teams the reader may see (null: every team); applied beside `teamId`. */
  teamIds?: readonly number[] | null;
}

/** Business-hours variants exist for these durations: the team calendar applies to waiting on an answer. */
export const businessDurationMetrics = ['first_response', 'next_response', 'resolution'] as const;
export type BusinessDurationMetric = (typeof businessDurationMetrics)[number];

export interface ReportRequest {
  report: string;
  from: string;
  to: string;
  teamId?: number | null;
  /** The reader's teams (core's teamsInView): null for every team. */
  teamIds?: readonly number[] | null;
  groupBy?: ReportGrouping;
  zone?: string | null;
  businessHours?: boolean;
}

export type ReportValues = Record<string, number | null>;

export interface ReportRow {
  day: string;
  group: string | null;
  values: ReportValues;
}

export interface ReportResult {
  report: ReportKind;
  from: string;
  to: string;
  zone: string;
  teamId: number | null;
  groupBy: ReportGrouping;
  /**
   * How the durations were counted: `business` when business hours were asked for and the report measures
   * replies or resolution; stage dwell times are always wall-clock (`wall`), as are reports without durations.
   */
  timeBasis: 'wall' | 'business';
  businessHoursRequested: boolean;
  columns: string[];
  rows: ReportRow[];
  totals: ReportRow[];
  /** Display names for agent and team groups (ids as strings). */
  groupLabels: Record<string, string>;
  /** The teams a report may be narrowed to (the console's team picker). */
  teams: { id: number; name: string }[];
  /** The newest event folded into the rollups the report was read from. */
  asOfEventId: number;
}
