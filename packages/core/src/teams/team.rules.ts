import { assignmentModes, type AssignmentMode } from '../assignment/assignment.types.ts';
import { AppError } from '../shared/errors.ts';

/** Indonesia's three zones, offered first wherever a zone is picked. */
export const indonesianTimeZones = [
  { zone: 'Asia/Jakarta', label: 'WIB' },
  { zone: 'Asia/Makassar', label: 'WITA' },
  { zone: 'Asia/Jayapura', label: 'WIT' },
] as const;

export const MAX_CAPACITY = 50;

/**
 * The zone as the IANA database spells it, or `team.invalid_time_zone`. Intl knows the same database
 * @date-fns/tz computes with, so a zone accepted here is one the business-hours maths can use. Offsets
 * (`+07:00`) and abbreviations are refused: an abbreviation like WIB is no IANA name, and a fixed offset
 * would silently ignore a zone's daylight saving.
 */
export function canonicalTimeZone(zone: string): string {
  if (!/^[A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+$|^UTC$/.test(zone)) throw invalidZone(zone);
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    throw invalidZone(zone);
  }
}

function invalidZone(zone: string): AppError {
  return new AppError('team.invalid_time_zone', `${zone} is not an IANA time zone`, { timeZone: zone });
}

/** Capacities are whole numbers of open tickets, 0 (takes none automatically) to MAX_CAPACITY. */
export function isValidCapacity(value: number): boolean {
  return Number.isInteger(value) && value >= 0 && value <= MAX_CAPACITY;
}

export function assertAssignmentMode(mode: string): asserts mode is AssignmentMode {
  if (!(assignmentModes as readonly string[]).includes(mode)) throw new AppError('validation.failed', `Unknown assignment mode ${mode}`, { issues: [{ path: 'body.assignmentMode', message: 'Unknown assignment mode' }] });
}
