import type { BusinessWindow, Holiday, HolidayList, TeamCalendar } from '../sla/calendar.types.ts';
import type { SlaPolicy, SlaPolicyInput } from '../sla/sla-policy.types.ts';
import type { SlaClock, SlaMetric } from '../sla/sla.types.ts';
import type { Instant } from '../shared/instant.ts';

export interface SlaPolicyRepository {
  create(input: SlaPolicyInput, now: Instant): Promise<SlaPolicy>;
  /** Replaces every field; null when the policy does not exist. */
  update(id: number, input: SlaPolicyInput, now: Instant): Promise<SlaPolicy | null>;
  delete(id: number): Promise<boolean>;
  findById(id: number): Promise<SlaPolicy | null>;
  /** Oldest first: the order ties are broken in. */
  list(): Promise<SlaPolicy[]>;
}

/** A team's calendar row joined with the team's zone; `calendar` is null while the team keeps the defaults. */
export interface TeamCalendarView {
  teamId: number;
  timeZone: string;
  calendar: TeamCalendar | null;
}

export interface BusinessCalendarRepository {
  /** Null when there is no such team. */
  findForTeam(teamId: number): Promise<TeamCalendarView | null>;
  /** `timeZone`, when given, becomes the team's zone (the teams row): the calendar is read in it. */
  upsert(teamId: number, input: { windows: BusinessWindow[]; holidayListId: number | null; timeZone?: string }, now: Instant): Promise<TeamCalendar>;
}

export interface HolidayListRepository {
  /** Oldest first; the first is the default list of a team that names none. */
  list(): Promise<HolidayList[]>;
  findById(id: number): Promise<HolidayList | null>;
  /** Seeding: two processes starting at once create one list (unique name); null when it existed. */
  createIfAbsent(name: string, holidays: readonly Holiday[], now: Instant): Promise<HolidayList | null>;
  replace(id: number, input: { name: string; holidays: readonly Holiday[] }, now: Instant): Promise<HolidayList | null>;
}

/**
 * A ticket's clocks (one row per metric). Marks are compare-and-sets on one run of a clock (its
 * `startedAt`): null → `at` only while that run has not stopped, so a rescheduled, late or doubly-claimed
 * job changes the row once, and a job left over from a finished run changes nothing.
 */
export interface SlaClockRepository {
  listForTicket(ticketId: number): Promise<SlaClock[]>;
  /** Makes the stored clocks exactly `clocks` (rows of metrics not in it are removed). Inside the ticket's transaction. */
  replaceForTicket(ticketId: number, clocks: readonly SlaClock[]): Promise<void>;
  markWarned(ticketId: number, metric: SlaMetric, startedAt: Instant, at: Instant): Promise<boolean>;
  /** Also sets the state to breached. */
  markBreached(ticketId: number, metric: SlaMetric, startedAt: Instant, at: Instant): Promise<boolean>;
}
