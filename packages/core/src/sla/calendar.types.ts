/** A weekday in the calendar's zone: 0 = Sunday … 6 = Saturday (date-fns `getDay`). */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/**
 * One stretch of business hours, `HH:mm` in the team's zone. A shift that crosses midnight is written with
 * `end` ≤ `start` and `overnight: true`, so a typo (17:00–08:00) is refused rather than read as a night shift.
 */
export interface BusinessWindow {
  weekday: Weekday;
  start: string;
  end: string;
  overnight?: boolean;
}

export const holidayKinds = ['national', 'cuti_bersama', 'company'] as const;
export type HolidayKind = (typeof holidayKinds)[number];

/** A closed range of whole local days (`YYYY-MM-DD`, both ends included) on which no business hours count. */
export interface Holiday {
  start: string;
  end: string;
  name: string;
  kind: HolidayKind;
}

export interface HolidayList {
  id: number;
  name: string;
  holidays: Holiday[];
  updatedAt: string;
}

/** A team's business hours: what the SLA maths needs, nothing more. */
export interface BusinessCalendar {
  timeZone: string;
  windows: BusinessWindow[];
  holidays: Holiday[];
}

/** The stored calendar of one team: its windows and which holiday list it follows. */
export interface TeamCalendar {
  teamId: number;
  windows: BusinessWindow[];
  holidayListId: number | null;
  updatedAt: string;
}

/** Monday to Friday, 08:00–17:00: what a team without a calendar of its own works. */
export const defaultWindows: readonly BusinessWindow[] = ([1, 2, 3, 4, 5] as const).map((weekday) => ({ weekday, start: '08:00', end: '17:00' }));
