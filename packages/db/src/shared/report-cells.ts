import { sql, type SQL } from 'drizzle-orm';
import { rollupKey, type Histogram, type ReportCell, type ReportCellQuery, type ReportGrouping, type RollupDelta, type RollupMetric } from '@keluh/core';

/** The rollup column each grouping reads; a closed list, so the raw SQL never carries client text. */
const groupColumn: Record<ReportGrouping, string> = {
  channel: 'r.channel',
  agent: 'r.agent_id',
  team: 'r.team_id',
  customer_type: 'r.customer_type',
  characteristic: 'r.characteristic',
};

/**
 * The report's local days as a VALUES list joined against the hour buckets: each day reads its own index
 * range (metric, hour), whatever the zone's offset that day. The outer bounds let the planner start there.
 * Only fixed SQL goes through sql.raw; every value is a parameter.
 */
function cellsQuery(query: ReportCellQuery, measures: string, extraFrom: string, groupBy: string): SQL {
  const days = sql.join(
    query.days.map((day) => sql`(${day.day}, ${day.from}, ${day.until})`),
    sql`, `,
  );
  const metrics = sql.join(
    query.metrics.map((metric) => sql`${metric}`),
    sql`, `,
  );
  const one = query.teamId === null ? sql`` : sql` AND r.team_id = ${query.teamId}`;
  // A reader limited to teams with none at all sees nothing, not everything.
  const readable = query.teamIds == null ? sql`` : query.teamIds.length === 0 ? sql` AND 1 = 0` : sql` AND r.team_id IN (${sql.join(query.teamIds.map((id) => sql`${id}`), sql`, `)})`;
  const team = sql`${one}${readable}`;
  return sql`WITH report_days(day, lo, hi) AS (VALUES ${days})
    SELECT d.day AS day, ${sql.raw(groupColumn[query.groupBy])} AS grp, r.metric AS metric, ${sql.raw(measures)}
    FROM report_days d JOIN report_rollups r ON ${query.span === 'day' ? sql`r.hour = d.lo` : sql`r.hour >= d.lo AND r.hour < d.hi`}${sql.raw(extraFrom)}
    WHERE r.metric IN (${metrics}) AND r.grouping = ${query.groupBy} AND r.span = ${query.span} AND r.hour >= ${query.days[0]!.from} AND r.hour < ${query.days.at(-1)!.until}${team}${groupBy ? sql.raw(` GROUP BY ${groupBy}`) : sql``}`;
}

/** SUM(count), SUM(sum) per day, group and metric. */
export function totalsQuery(query: ReportCellQuery): SQL {
  return cellsQuery(query, 'SUM(r.count) AS count, SUM(r.sum) AS sum', '', 'd.day, grp, r.metric');
}

/**
 * The rows themselves, count, sum and histogram, for reports that read histograms: the cells are summed
 * in JS (cellsOfRows), one statement where a GROUP BY for the totals and a second read of the same rows
 * for their histograms cost two. Summing histograms in SQL (json_each, a GROUP BY per bucket) was the
 * slowest part of a report: a day row holds a dozen buckets, so the expansion multiplied the rows and
 * sorted them all, where parsing a few thousand small objects takes milliseconds.
 */
export function rowsQuery(query: ReportCellQuery): SQL {
  return cellsQuery(query, 'r.count AS count, r.sum AS sum, r.histogram AS histogram', '', '');
}

export interface TotalsRow {
  day: string;
  grp: string | number | null;
  metric: RollupMetric;
  count: number | string;
  sum: number | string;
}
export interface CellRow extends TotalsRow {
  /** SQLite answers the JSON text, node-postgres the parsed jsonb. */
  histogram: string | Histogram;
}

const cellOf = (row: TotalsRow, histogram: Histogram): ReportCell => ({
  day: row.day,
  group: row.grp === null ? null : String(row.grp),
  metric: row.metric,
  count: Number(row.count),
  sum: Number(row.sum),
  histogram,
});

/** SUM(count), SUM(sum) per day, group and metric as cells without histograms (PostgreSQL answers SUMs of 64-bit columns as text). */
export function cellsOfTotals(totals: readonly TotalsRow[]): ReportCell[] {
  return totals.map((row) => cellOf(row, {}));
}

/** Rollup rows summed per day, group and metric, histograms merged. */
export function cellsOfRows(rows: readonly CellRow[]): ReportCell[] {
  const cells = new Map<string, ReportCell>();
  for (const row of rows) {
    const key = `${row.day}|${row.grp ?? ''}|${row.grp === null}|${row.metric}`;
    const histogram = typeof row.histogram === 'string' ? (JSON.parse(row.histogram) as Histogram) : row.histogram;
    const cell = cells.get(key);
    if (!cell) {
      cells.set(key, cellOf(row, { ...histogram }));
      continue;
    }
    cell.count += Number(row.count);
    cell.sum += Number(row.sum);
    for (const [bucket, n] of Object.entries(histogram)) cell.histogram[bucket] = (cell.histogram[bucket] ?? 0) + n;
  }
  return [...cells.values()];
}

/** Slices a list so no statement binds more parameters than either engine allows. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export const CURSOR_NAME = 'rollups';

/** Existing rows plus this page's deltas: the totals each row is written back with. */
export function mergedRows(deltas: readonly RollupDelta[], existing: ReadonlyMap<string, { count: number; sum: number; histogram: Histogram }>) {
  return deltas.map((delta) => {
    const key = rollupKey(delta);
    const before = existing.get(key);
    const histogram = { ...(before?.histogram ?? {}) };
    for (const [bucket, n] of Object.entries(delta.histogram)) histogram[bucket] = (histogram[bucket] ?? 0) + n;
    return { ...delta, key, count: (before?.count ?? 0) + delta.count, sum: (before?.sum ?? 0) + delta.sum, histogram };
  });
}
