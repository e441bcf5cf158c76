import type { ReportQuery, ReportResultDto } from '@keluh/contracts';
import { createHttp, type Http } from '../../api/http.ts';
import { useSessionStore } from '../auth/session.store.ts';

/** The query as the URL carries it: absent values left out, so the server applies its defaults. */
export function reportSearch(query: ReportQuery): Record<string, string> {
  const search: Record<string, string> = { from: query.from, to: query.to };
  if (query.teamId) search.teamId = String(query.teamId);
  if (query.groupBy) search.groupBy = query.groupBy;
  if (query.zone) search.zone = query.zone;
  if (query.businessHours) search.businessHours = query.businessHours;
  return search;
}

/** The CSV export is a plain link: the browser downloads it with the session cookie and names it from Content-Disposition. */
export function reportCsvUrl(report: string, query: ReportQuery): string {
  return `/api/reports/${encodeURIComponent(report)}/export.csv?${new URLSearchParams(reportSearch(query)).toString()}`;
}

export function createReportsApi(http: Http) {
  return {
    report: (report: string, query: ReportQuery) => http<ReportResultDto>(`/api/reports/${encodeURIComponent(report)}`, { query: reportSearch(query) }),
  };
}

export type ReportsApi = ReturnType<typeof createReportsApi>;

export function useReportsApi(): ReportsApi {
  const session = useSessionStore();
  return createReportsApi(createHttp({ onUnauthorized: () => session.reset() }));
}
