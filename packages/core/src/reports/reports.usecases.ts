import type { StoredEvent } from '../events/event.types.ts';
import { commit, type CoreDeps } from '../shared/deps.ts';
import { recordAudit } from '../audit/audit.rules.ts';
import { AppError } from '../shared/errors.ts';
import type { Repositories } from '../ports/repositories.ts';
import { loadCalendar } from '../sla/sla-inputs.ts';
import type { BusinessCalendar } from '../sla/calendar.types.ts';
import { combineDeltas, foldEvents, slaOutcomeKey, stateFromTicket, ticketsToLoad, type CalendarOf } from './rollup-fold.rules.ts';
import { hasBusinessHours, reportFigures, reportShape } from './report-figures.rules.ts';
import { DEFAULT_REPORT_ZONE, reportDays, spanFor } from './report-range.rules.ts';
import { reportKinds, type ReportKind, type ReportRequest, type ReportResult, type ReportTicketState } from './report.types.ts';

export const ROLLUP_PAGE_SIZE = 1000;

async function statesFor(tx: Repositories, events: readonly StoredEvent[]): Promise<Map<number, ReportTicketState>> {
  const ids = ticketsToLoad(events);
  const states = new Map((await tx.reportRollups.listTicketStates(ids)).map((state) => [state.ticketId, state]));
  // Events older than the fold (an install upgraded with history) leave tickets without a state: start from the ticket as it is now.
  for (const id of ids) {
    if (states.has(id)) continue;
    const view = await tx.tickets.findView(id);
    if (view) states.set(id, stateFromTicket(view));
  }
  return states;
}

/** Every team's business-hours calendar, read once per page: there are a handful of teams and a thousand events. */
async function calendarsIn(tx: Repositories): Promise<CalendarOf> {
  const calendars = new Map<number | null, BusinessCalendar>();
  for (const team of await tx.teams.list()) calendars.set(team.id, await loadCalendar(tx, team.id));
  const fallback = await loadCalendar(tx, null);
  return (teamId) => (teamId !== null ? calendars.get(teamId) : undefined) ?? fallback;
}

/**
 * Folds one page of events after the cursor into the rollups and moves the cursor past it, inside the
 * caller's transaction: a crash rolls the whole page back, and a second folder waits on the cursor lock
 * and then starts after this page, so no event is ever counted twice. Answers how many events were folded.
 */
export async function foldRollupPageIn(tx: Repositories, pageSize: number): Promise<number> {
  const after = await tx.reportRollups.lockCursor();
  const events = await tx.events.listAfter(after, { limit: pageSize });
  if (events.length === 0) return 0;
  const folded = foldEvents(events, await statesFor(tx, events), await calendarsIn(tx));
  const fresh = new Set((await tx.reportRollups.recordSlaOutcomes(folded.slaOutcomes.map((outcome) => outcome.key))).map(slaOutcomeKey));
  const outcomes = folded.slaOutcomes.filter(({ key }) => fresh.has(slaOutcomeKey(key))).map((outcome) => outcome.delta);
  await tx.reportRollups.addRollups(combineDeltas([...folded.deltas, ...outcomes]));
  await tx.reportRollups.saveTicketStates(folded.states);
  await tx.reportRollups.setCursor(events.at(-1)!.id);
  return events.length;
}

export async function foldRollupPage(deps: CoreDeps, pageSize = ROLLUP_PAGE_SIZE): Promise<number> {
  return deps.db.transaction((tx) => foldRollupPageIn(tx, pageSize));
}

/** Folds until caught up or `maxPages` pages are done (a report waits for at most that much work). */
export async function foldRollups(deps: CoreDeps, options: { maxPages?: number; pageSize?: number } = {}): Promise<number> {
  let total = 0;
  for (let page = 0; page < (options.maxPages ?? Number.POSITIVE_INFINITY); page += 1) {
    const folded = await foldRollupPage(deps, options.pageSize);
    total += folded;
    if (folded < (options.pageSize ?? ROLLUP_PAGE_SIZE)) break;
  }
  return total;
}

/** How many pages a report request folds before reading, so it is current without waiting on a backlog. */
export const REPORT_CATCH_UP_PAGES = 5;

export function reportKind(name: string): ReportKind {
  if (!(reportKinds as readonly string[]).includes(name)) throw new AppError('report.unknown', `There is no report ${name}`, { report: name, reports: [...reportKinds] });
  return name as ReportKind;
}

async function labels(deps: CoreDeps, groupBy: ReportResult['groupBy']): Promise<Record<string, string>> {
  if (groupBy === 'agent') return Object.fromEntries((await deps.db.users.list()).map((user) => [String(user.id), user.name]));
  if (groupBy === 'team') return Object.fromEntries((await deps.db.teams.list()).map((team) => [String(team.id), team.name]));
  return {};
}

/**
 * A report over local days of the team's zone (or the one asked for), from the rollups. The range is
 * checked before any work. With `businessHours`, reply and resolution times are read from their
 * business-seconds rollups (counted on each ticket's team calendar when folded).
 */
export async function getReport(deps: CoreDeps, request: ReportRequest): Promise<ReportResult> {
  const kind = reportKind(request.report);
  const teamId = request.teamId ?? null;
  const groupBy = request.groupBy ?? 'channel';
  const zone = request.zone ?? (teamId !== null ? await deps.db.reportRollups.getTeamTimeZone(teamId) : null) ?? DEFAULT_REPORT_ZONE;
  const days = reportDays(request.from, request.to, zone);
  await foldRollups(deps, { maxPages: REPORT_CATCH_UP_PAGES });
  const asOfEventId = await deps.db.reportRollups.getCursor();
  const timeBasis = request.businessHours && hasBusinessHours(kind) ? 'business' : 'wall';
  const shape = reportShape(kind, timeBasis);
  const cells = await deps.db.reportRollups.listReportCells({ metrics: shape.metrics, span: spanFor(days), days, groupBy, teamId, teamIds: request.teamIds ?? null });
  return {
    report: kind,
    from: request.from,
    to: request.to,
    zone,
    teamId,
    groupBy,
    timeBasis,
    businessHoursRequested: request.businessHours ?? false,
    ...reportFigures(shape, cells),
    groupLabels: await labels(deps, groupBy),
    teams: (await deps.db.teams.list()).map((team) => ({ id: team.id, name: team.name })),
    asOfEventId,
  };
}

/** A CSV export leaves the building: who took which figures is in the audit log. */
export async function recordReportExport(deps: CoreDeps, actorUserId: number, result: ReportResult): Promise<void> {
  await commit(deps, (tx) =>
    recordAudit(tx, { action: 'report.exported', actorUserId, target: `report:${result.report}`, data: { from: result.from, to: result.to, teamId: result.teamId, groupBy: result.groupBy } }, deps.clock.now()),
  );
}
