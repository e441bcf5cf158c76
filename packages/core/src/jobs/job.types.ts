import type { Instant } from '../shared/instant.ts';

/**
 * Background work that must happen once, whichever process does it: media downloads, profile look-ups,
 * janitors, and later SLA timers and promise reminders. Jobs live in the database, never in memory, so a
 * restart or a second process neither loses nor repeats them.
 */
export const jobKinds = [
  'media.download',
  'customer.profile',
  'janitor.parked_statuses',
  'janitor.jobs',
  'janitor.sessions',
  /** Before a promise's due time: remind its owner (key: promise id). */
  'promise.reminder',
  /** At a promise's due time: tell the owner it is overdue if still open (key: promise id). */
  'promise.overdue',
  /** Recurring: finds tickets stuck in a stage past its threshold and nudges their assignees. */
  'workflow.stuck_scan',
  /** Recurring: review requests nobody answered expire. */
  'janitor.reviews',
  /** At a clock's warnAt: warn if it is still running and not yet warned (key: `<ticketId>:<metric>:<startedAt>`). */
  'sla.warning',
  /** At a clock's dueAt: breach and escalate if still running and not yet breached (same key shape). */
  'sla.breach',
  /** Drains one team's unassigned backlog, oldest waiting first (key: `team:<id>` plus a generation). */
  'assignment.drain',
  /** Recurring: folds new events into the hourly report rollups. */
  'reports.rollup',
  /** Once after the upgrade: customers stored before language detection get the language they write in. */
  'customers.language_backfill',
  /** A webhook batch too large to store before answering: its parsed events (key: the body's SHA-256). */
  'ingest.batch',
] as const;
export type JobKind = (typeof jobKinds)[number];

export type JobState = 'pending' | 'done' | 'failed';

export interface Job {
  id: number;
  kind: JobKind;
  /** Unique per kind, for ever: scheduling the same (kind, key) twice is a no-op — "exactly once". */
  key: string;
  payload: Record<string, unknown>;
  state: JobState;
  runAt: Instant;
  attempts: number;
  lastError: string | null;
  /** Who runs it right now, and until when (see Lease); null when nobody does. */
  leaseOwner: string | null;
  leaseUntil: Instant | null;
  createdAt: Instant;
  /** When the job last changed state: finished jobs are purged some time after. */
  updatedAt: Instant;
}

export interface NewJob {
  kind: JobKind;
  key: string;
  runAt: Instant;
  payload?: Record<string, unknown>;
}

/**
 * A claim on a row of background work: only `owner` may settle it until `until`. A process that dies
 * holding a lease simply lets it run out, and the next claim after `until` takes the row over.
 */
export interface Lease {
  owner: string;
  until: Instant;
}
