import type { InboundEvent } from '../channels/channel.types.ts';
import type { JobHandlers } from '../jobs/jobs.usecases.ts';
import type { CoreDeps } from '../shared/deps.ts';
import { ingestEvents, type IngestOutcome } from './ingest.usecase.ts';

/**
 * The most events a webhook stores before it answers. Meta asks for an answer within its latency
 * targets (median 250 ms, WhatsApp) or 5 s (Instagram), and sends up to 1,000 updates in one POST
 * (channels.md §2.5, §3.5). Storing a message costs a few milliseconds, so a batch of this size is
 * answered well inside a second even on a busy machine; the rare larger one is queued instead.
 */
export const INLINE_BATCH_LIMIT = 100;

export type WebhookIntake =
  /** Stored before the answer: everything in the batch is committed. */
  | { stored: 'now'; outcomes: IngestOutcome[] }
  /** Kept whole as one job, committed before the answer, and stored by the job runner right after. */
  | { stored: 'queued' };

/**
 * Takes a verified, parsed webhook batch in. Either way nothing is lost once this returns: the batch is
 * committed as messages, or committed as the job that will store them. `deliveryKey` names the delivery
 * (the body's hash), so Meta retrying a batch we already queued queues nothing twice; it is asked for only
 * when the batch is queued, so the usual small webhook hashes nothing.
 */
export async function takeInWebhook(deps: CoreDeps, events: readonly InboundEvent[], deliveryKey: () => string): Promise<WebhookIntake> {
  if (events.length <= INLINE_BATCH_LIMIT) return { stored: 'now', outcomes: await ingestEvents(deps, events) };
  const now = deps.clock.now();
  await deps.db.jobs.schedule({ kind: 'ingest.batch', key: deliveryKey(), runAt: now, payload: { events } }, now);
  return { stored: 'queued' };
}

/**
 * Stores a queued batch exactly as the webhook would have: one transaction, idempotent per message, so
 * a run cut short (a crash after the commit, before the job is settled) is repeated harmlessly. Only
 * the database can make it fail, so it is retried for a long while before the job is left failed, with
 * the batch still in it for an operator.
 */
export function ingestBatchHandlers(deps: CoreDeps): JobHandlers {
  return {
    'ingest.batch': {
      async run(job) {
        const events = job.payload.events;
        if (!Array.isArray(events)) return { kind: 'failed', error: `ingest job ${job.id} holds no events` };
        await ingestEvents(deps, events as InboundEvent[]);
        return { kind: 'done' };
      },
      maxAttempts: 30,
    },
  };
}
