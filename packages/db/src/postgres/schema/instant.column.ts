import { customType } from 'drizzle-orm/pg-core';
import type { Instant } from '@keluh/core';

// What PostgreSQL prints for a timestamptz in a UTC session (DateStyle ISO): `2026-03-02 08:00:00.5+00`.
// UTC is the usual server default; sessions in another zone print another offset and take the slow path.
const UTC_TEXT = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(?:\.(\d{1,6}))?\+00$/;

/**
 * Turns PostgreSQL's text form of a timestamptz into the domain's Instant, the exact string SQLite keeps
 * (`2026-03-02T08:00:00.000Z`), so rows read from either engine deep-equal. PostgreSQL drops trailing
 * zero fractions (`08:00:00+00`), hence the padding.
 */
export function instantFromPg(text: string): Instant {
  const utc = UTC_TEXT.exec(text);
  if (utc) return `${utc[1]}T${utc[2]}.${(utc[3] ?? '').padEnd(3, '0').slice(0, 3)}Z`;
  const withMinutes = /[+-]\d{2}$/.test(text) ? `${text}:00` : text;
  const parsed = Date.parse(withMinutes.replace(' ', 'T'));
  if (Number.isNaN(parsed)) throw new Error(`Unexpected timestamptz text from PostgreSQL: ${text}`);
  return new Date(parsed).toISOString();
}

/**
 * A point in time: timestamptz with millisecond precision (the domain's resolution, so a stored value
 * reads back exactly as written), mapped to and from the domain's ISO-8601 string.
 */
export const instant = customType<{ data: Instant; driverData: string }>({
  dataType: () => 'timestamp (3) with time zone',
  toDriver: (value) => value,
  fromDriver: (value) => instantFromPg(value),
});
