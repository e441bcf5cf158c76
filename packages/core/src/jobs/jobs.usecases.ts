import type { CoreDeps } from '../shared/deps.ts';
import { addMilliseconds, type Instant } from '../shared/instant.ts';
import type { Job, JobKind } from './job.types.ts';

/** What a handler decides about a job it ran. */
export type JobOutcome =
  | { kind: 'done' }
  /** Try again later (a network hiccup); after maxAttempts the job fails with this error. */
  | { kind: 'retry'; error: string; afterMs?: number }
  /** Never try again (the channel lost the media for good). */
  | { kind: 'failed'; error: string }
  /** A recurring job: run again at this time. */
  | { kind: 'again'; at: Instant };

export interface JobHandler {
  /**
   * Does the work, outside any transaction (it may call the network). It must be safe to run twice for
   * one job: a process that dies after the work but before settling leaves the job to be claimed again.
   */
  run(job: Job): Promise<JobOutcome>;
  maxAttempts?: number;
  /** How long a claim lasts; longer than the slowest run the handler allows itself. */
  leaseMs?: number;
}

export type JobHandlers = Partial<Record<JobKind, JobHandler>>;

const DEFAULT_LEASE_MS = 5 * 60_000;
const DEFAULT_MAX_ATTEMPTS = 5;

/** Exponential back-off between job attempts: 2 s, 4 s, 8 s … 10 min. */
export function jobBackoffMs(attempt: number): number {
  return Math.min(2_000 * 2 ** Math.max(0, attempt - 1), 600_000);
}

export interface JobRunReport {
  ran: number;
  failed: number;
}

/**
 * Claims due jobs of the kinds this process has handlers for and runs them one at a time. An exception
 * from a handler counts as a retryable failure, so a bug never loses a job silently.
 */
export async function runDueJobs(deps: CoreDeps, handlers: JobHandlers, options: { owner: string; limit?: number }): Promise<JobRunReport> {
  const report: JobRunReport = { ran: 0, failed: 0 };
  const kinds = Object.keys(handlers) as JobKind[];
  if (kinds.length === 0) return report;
  const now = deps.clock.now();
  const leaseMs = Math.max(...kinds.map((kind) => handlers[kind]?.leaseMs ?? DEFAULT_LEASE_MS));
  const jobs = await deps.db.jobs.claimDue(kinds, now, options.limit ?? 10, { owner: options.owner, until: addMilliseconds(now, leaseMs) });
  for (const job of jobs) {
    const handler = handlers[job.kind]!;
    let outcome: JobOutcome;
    try {
      outcome = await handler.run(job);
    } catch (error) {
      outcome = { kind: 'retry', error: error instanceof Error ? error.message : String(error) };
    }
    await settle(deps, job, handler, outcome, options.owner);
    report.ran += 1;
    if (outcome.kind === 'failed' || (outcome.kind === 'retry' && job.attempts + 1 >= (handler.maxAttempts ?? DEFAULT_MAX_ATTEMPTS))) report.failed += 1;
  }
  return report;
}

async function settle(deps: CoreDeps, job: Job, handler: JobHandler, outcome: JobOutcome, owner: string): Promise<void> {
  const { jobs } = deps.db;
  const now = deps.clock.now();
  switch (outcome.kind) {
    case 'done':
      await jobs.complete(job.id, owner, now);
      return;
    case 'again':
      await jobs.reschedule(job.id, outcome.at, owner, now);
      return;
    case 'failed':
      await jobs.fail(job.id, outcome.error, owner, now);
      return;
    case 'retry': {
      const attempts = job.attempts + 1;
      if (attempts >= (handler.maxAttempts ?? DEFAULT_MAX_ATTEMPTS)) await jobs.fail(job.id, outcome.error, owner, now);
      else await jobs.retry(job.id, addMilliseconds(now, outcome.afterMs ?? jobBackoffMs(attempts)), outcome.error, owner, now);
    }
  }
}
