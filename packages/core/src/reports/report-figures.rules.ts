import { durationQuantile, mergeHistograms } from './histogram.rules.ts';
import { businessDurationMetrics, type ReportCell, type ReportKind, type ReportResult, type ReportRow, type ReportValues, type RollupMetric } from './report.types.ts';

type Cells = ReadonlyMap<RollupMetric, ReportCell>;

export interface ReportShape {
  metrics: readonly RollupMetric[];
  columns: readonly string[];
  values(cells: Cells): ReportValues;
}

const rate = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000);
const average = (cell: ReportCell | undefined) => (cell && cell.count > 0 ? Math.round((cell.sum / cell.count) * 100) / 100 : null);

const durations = (metric: RollupMetric): ReportShape => ({
  metrics: [metric],
  columns: ['count', 'median', 'p90', 'average'],
  values: (cells) => {
    const cell = cells.get(metric);
    return { count: cell?.count ?? 0, median: cell ? durationQuantile(cell.histogram, 0.5) : null, p90: cell ? durationQuantile(cell.histogram, 0.9) : null, average: average(cell) };
  },
});

const stages = [1, 2, 3, 4, 5] as const;
const scores = [1, 2, 3, 4, 5] as const;

/** Which rollups each report reads and the figures it computes from them (seconds for durations). */
export const reportShapes: Record<ReportKind, ReportShape> = {
  first_response: durations('first_response'),
  next_response: durations('next_response'),
  resolution: durations('resolution'),
  sla_hit_rate: {
    metrics: ['sla'],
    columns: ['count', 'met', 'breached', 'rate'],
    values: (cells) => {
      const cell = cells.get('sla');
      const count = cell?.count ?? 0;
      const met = cell?.sum ?? 0;
      return { count, met, breached: count - met, rate: rate(met, count) };
    },
  },
  csat: {
    metrics: ['csat'],
    columns: ['responses', 'average', ...scores.map((score) => `score_${score}`)],
    values: (cells) => {
      const cell = cells.get('csat');
      return { responses: cell?.count ?? 0, average: average(cell), ...Object.fromEntries(scores.map((score) => [`score_${score}`, cell?.histogram[String(score)] ?? 0])) };
    },
  },
  promise_kept: {
    metrics: ['promise'],
    columns: ['settled', 'kept', 'broken', 'rate'],
    values: (cells) => {
      const cell = cells.get('promise');
      const settled = cell?.count ?? 0;
      const kept = cell?.sum ?? 0;
      return { settled, kept, broken: settled - kept, rate: rate(kept, settled) };
    },
  },
  stage_dwell: {
    metrics: stages.map((stage) => `stage_dwell.${stage}` as const),
    columns: stages.flatMap((stage) => [`stage_${stage}_count`, `stage_${stage}_median`]),
    values: (cells) =>
      Object.fromEntries(
        stages.flatMap((stage) => {
          const cell = cells.get(`stage_dwell.${stage}`);
          return [
            [`stage_${stage}_count`, cell?.count ?? 0],
            [`stage_${stage}_median`, cell ? durationQuantile(cell.histogram, 0.5) : null],
          ];
        }),
      ),
  },
  volume: {
    metrics: ['volume.tickets', 'volume.inbound', 'volume.outbound'],
    columns: ['tickets', 'inbound', 'outbound'],
    values: (cells) => ({ tickets: cells.get('volume.tickets')?.count ?? 0, inbound: cells.get('volume.inbound')?.count ?? 0, outbound: cells.get('volume.outbound')?.count ?? 0 }),
  },
};

/** Reply and resolution times can be counted in business hours; the other reports have no such variant. */
export function hasBusinessHours(kind: ReportKind): kind is (typeof businessDurationMetrics)[number] {
  return (businessDurationMetrics as readonly string[]).includes(kind);
}

/** The shape of a report on the time basis asked for: business hours read the `.business` duration rollups. */
export function reportShape(kind: ReportKind, basis: ReportResult['timeBasis'] = 'wall'): ReportShape {
  return basis === 'business' && hasBusinessHours(kind) ? durations(`${kind}.business`) : reportShapes[kind];
}

function merged(cells: readonly ReportCell[]): Map<RollupMetric, ReportCell> {
  const byMetric = new Map<RollupMetric, ReportCell>();
  for (const cell of cells) {
    const into = byMetric.get(cell.metric);
    if (!into) byMetric.set(cell.metric, { ...cell, histogram: { ...cell.histogram } });
    else {
      into.count += cell.count;
      into.sum += cell.sum;
      mergeHistograms(into.histogram, cell.histogram);
    }
  }
  return byMetric;
}

function groupCells(cells: readonly ReportCell[], keyOf: (cell: ReportCell) => string): Map<string, ReportCell[]> {
  const groups = new Map<string, ReportCell[]>();
  for (const cell of cells) {
    const key = keyOf(cell);
    const group = groups.get(key);
    if (group) group.push(cell);
    else groups.set(key, [cell]);
  }
  return groups;
}

const withoutHistograms: ReadonlySet<RollupMetric> = new Set(['sla', 'promise', 'volume.tickets', 'volume.inbound', 'volume.outbound']);

/** Whether a report's figures read histograms (percentiles, score distributions): the others skip reading them. */
export function needsHistograms(metrics: readonly RollupMetric[]): boolean {
  return metrics.some((metric) => !withoutHistograms.has(metric));
}

// One collator: localeCompare with options builds a new one on every comparison, which dominated a month by agent.
const collator = new Intl.Collator('en', { numeric: true });
const byGroup = (a: ReportRow, b: ReportRow) => collator.compare(a.group ?? '', b.group ?? '');

/** Rows per day and group (days without data are left out), and one total per group over the whole range. */
export function reportFigures(shape: ReportShape, cells: readonly ReportCell[]): { columns: string[]; rows: ReportRow[]; totals: ReportRow[] } {
  const rows = [...groupCells(cells, (cell) => JSON.stringify([cell.day, cell.group])).values()]
    .map((group) => ({ day: group[0]!.day, group: group[0]!.group, values: shape.values(merged(group)) }))
    .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : byGroup(a, b)));
  const totals = [...groupCells(cells, (cell) => JSON.stringify(cell.group)).values()]
    .map((group) => ({ day: 'total', group: group[0]!.group, values: shape.values(merged(group)) }))
    .sort(byGroup);
  return { columns: [...shape.columns], rows, totals };
}
