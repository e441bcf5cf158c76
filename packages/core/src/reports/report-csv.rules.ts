import type { ReportResult } from './report.types.ts';

/** Excel opens a UTF-8 CSV as UTF-8 only when it starts with a byte order mark (names like "Sari Dewi Ayu Ñ"). */
export const CSV_BOM = '\uFEFF';

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break, quotes doubled. Text that a
 * spreadsheet would run as a formula (an agent named "=HYPERLINK(…)") is prefixed with an apostrophe.
 */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function reportCsv(result: ReportResult): string {
  const header = ['day', result.groupBy, ...result.columns];
  const label = (group: string | null) => (group === null ? '' : (result.groupLabels[group] ?? group));
  const lines = [header, ...result.rows.map((row) => [row.day, label(row.group), ...result.columns.map((column) => row.values[column] ?? null)])];
  return CSV_BOM + lines.map((fields) => fields.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export function reportFilename(result: Pick<ReportResult, 'report' | 'from' | 'to'>): string {
  return `keluh-${result.report.replaceAll('_', '-')}-${result.from}-${result.to}.csv`;
}
