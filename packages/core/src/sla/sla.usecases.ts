import { commit, type CoreDeps } from '../shared/deps.ts';
import { AppError } from '../shared/errors.ts';
import { assertTimeZone, assertValidHolidays, assertValidWindows } from './calendar.rules.ts';
import type { BusinessWindow, Holiday, HolidayList } from './calendar.types.ts';
import { defaultWindows } from './calendar.types.ts';
import { INDONESIA_2026_LIST_NAME, indonesiaHolidays2026 } from './holidays.id-2026.ts';
import { assertValidTargets } from './sla-policy.rules.ts';
import type { SlaPolicy, SlaPolicyInput } from './sla-policy.types.ts';
import type { SlaClock } from './sla.types.ts';

/*
 * Admin use cases of SLA configuration. A policy or calendar change governs clocks from their next
 * recompute (the ticket's next message or change): rewriting every open ticket's clocks in one request
 * would hold the writer for as long as there are tickets.
 */

export function listSlaPolicies(deps: CoreDeps): Promise<SlaPolicy[]> {
  return deps.db.slaPolicies.list();
}

export async function createSlaPolicy(deps: CoreDeps, input: SlaPolicyInput): Promise<SlaPolicy> {
  assertValidTargets(input);
  return commit(deps, async (tx) => {
    await assertTeam(tx, input.teamId ?? null);
    return tx.slaPolicies.create(input, deps.clock.now());
  });
}

export async function updateSlaPolicy(deps: CoreDeps, id: number, input: SlaPolicyInput): Promise<SlaPolicy> {
  assertValidTargets(input);
  return commit(deps, async (tx) => {
    await assertTeam(tx, input.teamId ?? null);
    const updated = await tx.slaPolicies.update(id, input, deps.clock.now());
    if (!updated) throw new AppError('sla.policy_not_found', `SLA policy ${id} does not exist`);
    return updated;
  });
}

export async function deleteSlaPolicy(deps: CoreDeps, id: number): Promise<void> {
  if (!(await deps.db.slaPolicies.delete(id))) throw new AppError('sla.policy_not_found', `SLA policy ${id} does not exist`);
}

export interface TeamCalendarDetail {
  teamId: number;
  timeZone: string;
  windows: BusinessWindow[];
  holidayListId: number | null;
  /** False while the team works the default hours (Monday–Friday 08:00–17:00, the first holiday list). */
  custom: boolean;
}

export async function getTeamCalendar(deps: CoreDeps, teamId: number): Promise<TeamCalendarDetail> {
  const view = await deps.db.businessCalendars.findForTeam(teamId);
  if (!view) throw new AppError('team.not_found', `Team ${teamId} does not exist`);
  if (view.calendar) return { teamId, timeZone: view.timeZone, windows: view.calendar.windows, holidayListId: view.calendar.holidayListId, custom: true };
  return { teamId, timeZone: view.timeZone, windows: [...defaultWindows], holidayListId: (await deps.db.holidayLists.list())[0]?.id ?? null, custom: false };
}

/** Every team's hours, for the settings page: the defaults where a team has not saved its own. */
export async function listTeamCalendars(deps: CoreDeps): Promise<(TeamCalendarDetail & { teamName: string })[]> {
  const teams = await deps.db.teams.list();
  return Promise.all(teams.map(async (team) => ({ ...(await getTeamCalendar(deps, team.id)), teamName: team.name })));
}

export async function saveTeamCalendar(deps: CoreDeps, teamId: number, input: { windows: BusinessWindow[]; holidayListId: number | null; timeZone?: string }): Promise<TeamCalendarDetail> {
  if (input.timeZone !== undefined) assertTimeZone(input.timeZone);
  assertValidWindows(input.windows);
  await commit(deps, async (tx) => {
    const view = await tx.businessCalendars.findForTeam(teamId);
    if (!view) throw new AppError('team.not_found', `Team ${teamId} does not exist`);
    if (input.holidayListId !== null && !(await tx.holidayLists.findById(input.holidayListId))) {
      throw new AppError('sla.holiday_list_not_found', `Holiday list ${input.holidayListId} does not exist`, { issues: [{ path: 'holidayListId', message: 'Unknown holiday list' }] });
    }
    await tx.businessCalendars.upsert(teamId, input, deps.clock.now());
  });
  return getTeamCalendar(deps, teamId);
}

export function listHolidayLists(deps: CoreDeps): Promise<HolidayList[]> {
  return deps.db.holidayLists.list();
}

export async function replaceHolidayList(deps: CoreDeps, id: number, input: { name: string; holidays: Holiday[] }): Promise<HolidayList> {
  assertValidHolidays(input.holidays);
  const sorted = [...input.holidays].sort((a, b) => a.start.localeCompare(b.start));
  const replaced = await deps.db.holidayLists.replace(id, { name: input.name, holidays: sorted }, deps.clock.now());
  if (!replaced) throw new AppError('sla.holiday_list_not_found', `Holiday list ${id} does not exist`);
  return replaced;
}

/** First start: the shipped national list, once, whoever starts first; the admin's edits are never overwritten. */
export async function seedDefaultHolidays(deps: CoreDeps): Promise<void> {
  if ((await deps.db.holidayLists.list()).length > 0) return;
  await deps.db.holidayLists.createIfAbsent(INDONESIA_2026_LIST_NAME, indonesiaHolidays2026, deps.clock.now());
}

export async function getTicketSla(deps: CoreDeps, ticketId: number): Promise<SlaClock[]> {
  if (!(await deps.db.tickets.findById(ticketId))) throw new AppError('ticket.not_found', `Ticket ${ticketId} does not exist`);
  return deps.db.slaClocks.listForTicket(ticketId);
}

async function assertTeam(tx: CoreDeps['db'] | Parameters<Parameters<typeof commit>[1]>[0], teamId: number | null): Promise<void> {
  if (teamId !== null && !(await tx.businessCalendars.findForTeam(teamId))) {
    throw new AppError('team.not_found', `Team ${teamId} does not exist`, { issues: [{ path: 'teamId', message: 'Unknown team' }] });
  }
}
