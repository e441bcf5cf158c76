import type { ReportResultDto } from '@keluh/contracts';
import type { ReportKind } from '@keluh/core';

/** The one figure each report charts per day and group: what a supervisor reads first. */
export const chartedColumn: Record<ReportKind, string> = {
  first_response: 'median',
  next_response: 'median',
  resolution: 'median',
  sla_hit_rate: 'rate',
  csat: 'average',
  promise_kept: 'rate',
  stage_dwell: 'stage_1_median',
  volume: 'tickets',
};

export type ChartUnit = 'minutes' | 'percent' | 'score' | 'count';

export function chartUnit(report: ReportKind): ChartUnit {
  if (report === 'sla_hit_rate' || report === 'promise_kept') return 'percent';
  if (report === 'csat') return 'score';
  if (report === 'volume') return 'count';
  return 'minutes';
}

function scaled(value: number | null | undefined, unit: ChartUnit): number | null {
  if (value === null || value === undefined) return null;
  if (unit === 'minutes') return Math.round((value / 60) * 10) / 10;
  if (unit === 'percent') return Math.round(value * 1000) / 10;
  return value;
}

/** Every day of the range, so the x axis is a calendar with gaps where nothing happened (UTC maths on plain dates). */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let at = Date.parse(`${from}T00:00:00Z`); at <= Date.parse(`${to}T00:00:00Z`) && days.length <= 366; at += 86_400_000) days.push(new Date(at).toISOString().slice(0, 10));
  return days;
}

export interface ChartLabels {
  group(group: string | null): string;
  unit: string;
  stage(stage: number): string;
}

/**
 * The ECharts option for a report: one series per group over the days (bars for counts, lines for times
 * and rates); stage dwell compares the five stages' medians per group instead. Days without data are gaps.
 */
export function reportChartOption(result: ReportResultDto, labels: ChartLabels) {
  const unit = chartUnit(result.report);
  const groups = [...new Set(result.totals.map((row) => row.group))];
  const base = {
    animation: false,
    tooltip: { trigger: 'axis' as const },
    legend: { type: 'scroll' as const, bottom: 0 },
    grid: { left: 48, right: 16, top: 28, bottom: 40 },
    yAxis: { type: 'value' as const, name: labels.unit, ...(unit === 'percent' ? { max: 100 } : {}) },
  };
  if (result.report === 'stage_dwell') {
    const stages = [1, 2, 3, 4, 5];
    return {
      ...base,
      xAxis: { type: 'category' as const, data: stages.map((stage) => labels.stage(stage)) },
      series: result.totals.map((row) => ({ name: labels.group(row.group), type: 'bar' as const, data: stages.map((stage) => scaled(row.values[`stage_${stage}_median`], unit)) })),
    };
  }
  const days = daysBetween(result.from, result.to);
  const column = chartedColumn[result.report];
  return {
    ...base,
    xAxis: { type: 'category' as const, data: days },
    series: groups.map((group) => {
      const byDay = new Map(result.rows.filter((row) => row.group === group).map((row) => [row.day, row.values[column]]));
      return {
        name: labels.group(group),
        type: unit === 'count' ? ('bar' as const) : ('line' as const),
        ...(unit === 'count' ? { stack: 'total' } : { connectNulls: false, symbolSize: 6 }),
        // A day without tickets is a zero bar; a day without replies has no median, so a gap in the line.
        data: days.map((day) => (unit === 'count' ? (byDay.get(day) ?? 0) : scaled(byDay.get(day), unit))),
      };
    }),
  };
}
