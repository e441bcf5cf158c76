import type { ChannelKind } from '../channels/channel.types.ts';
import type { Job, JobKind, Lease, NewJob } from '../jobs/job.types.ts';
import type { OutboxItem } from '../outbox/outbox.types.ts';
import type { Instant } from '../shared/instant.ts';

/*
 * Background work is claimed, not merely listed: a claim is one atomic statement (FOR UPDATE SKIP LOCKED
 * on PostgreSQL; a single UPDATE … RETURNING under SQLite's one writer) that leases rows nobody else holds,
 * so two processes never both take a row, and a dead process's lease runs out and is taken over.
 * Settling calls name the lease owner and return false when the lease was lost (it ran out and another
 * process took the row). Terminal outcomes (done, failed) are recorded even then — the send or download
 * did happen, and recording it stops the taker from doing it a third time; a retry or postponement is only
 * applied by the current owner.
 */

export interface OutboxRepository {
  enqueue(input: { messageId: number; channel: ChannelKind; availableAt: Instant }, now: Instant): Promise<OutboxItem>;
  /**
   * Leases up to `limit` pending items whose time has come and that nobody holds, oldest first. A row
   * whose holder died stays held until releaseExpired lets it go.
   */
  claimDue(now: Instant, limit: number, lease: Lease): Promise<OutboxItem[]>;
  /**
   * Lets go of rows whose lease ran out while still held: their process died (or stalled) between
   * claiming and settling, so the send may or may not have reached the channel. They wait until
   * `availableAt` — time for the channel's status of a send that did go out, which names the message, to
   * arrive and record it — before anyone sends them again. Returns how many were let go.
   */
  releaseExpired(now: Instant, availableAt: Instant): Promise<number>;
  /** Records the send; false if the lease had been lost meanwhile (recorded anyway, see above). */
  markDone(id: number, owner: string): Promise<boolean>;
  /** Retries later, counting an attempt. */
  reschedule(id: number, availableAt: Instant, lastError: string, owner: string): Promise<boolean>;
  /** Moves an item later without counting an attempt (its channel is paused, not failing). */
  postpone(id: number, availableAt: Instant, owner: string): Promise<boolean>;
  markFailed(id: number, lastError: string, owner: string): Promise<boolean>;
  /** Pending items, oldest first, without claiming them (the demo seed settles its historic replies). */
  listPending(limit: number): Promise<OutboxItem[]>;
}

export interface JobRepository {
  /** Adds a job unless its (kind, key) exists in any state: scheduling is idempotent, firing happens once. */
  schedule(job: NewJob, now: Instant): Promise<void>;
  /** Leases up to `limit` pending jobs of these kinds that are due and not held by a live lease, oldest first. */
  claimDue(kinds: readonly JobKind[], now: Instant, limit: number, lease: Lease): Promise<Job[]>;
  complete(id: number, owner: string, now: Instant): Promise<boolean>;
  /** Runs again at `runAt`, counting an attempt. */
  retry(id: number, runAt: Instant, lastError: string, owner: string, now: Instant): Promise<boolean>;
  /** A recurring job's next run: pending again at `runAt`, attempts reset. */
  reschedule(id: number, runAt: Instant, owner: string, now: Instant): Promise<boolean>;
  fail(id: number, lastError: string, owner: string, now: Instant): Promise<boolean>;
  findByKey(kind: JobKind, key: string): Promise<Job | null>;
  /** Forgets finished jobs settled before `before` (recurring jobs never finish, so they stay). */
  purgeFinishedBefore(before: Instant): Promise<number>;
}
