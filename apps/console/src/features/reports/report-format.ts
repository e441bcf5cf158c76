import type { ReportKind } from '@keluh/core';

const durationReports: readonly ReportKind[] = ['first_response', 'next_response', 'resolution', 'stage_dwell'];

/** Seconds as the largest unit that keeps them readable: "40 dtk", "45 min", "3,5 jam", "2 hari" (Intl does the words). */
export function formatSeconds(seconds: number, locale: string): string {
  const [value, unit] = seconds < 90 ? [seconds, 'second'] : seconds < 2 * 3600 ? [seconds / 60, 'minute'] : seconds < 48 * 3600 ? [seconds / 3600, 'hour'] : [seconds / 86_400, 'day'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
}

/** One table cell: durations in time units, rates as percentages, averages with two decimals, counts as they are. */
export function formatReportValue(report: ReportKind, column: string, value: number | null | undefined, locale: string): string {
  if (value === null || value === undefined) return '—';
  if (column === 'rate') return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value);
  if (durationReports.includes(report) && (column === 'median' || column === 'p90' || column === 'average' || column.endsWith('_median'))) return formatSeconds(value, locale);
  if (column === 'average') return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
  return new Intl.NumberFormat(locale).format(value);
}
