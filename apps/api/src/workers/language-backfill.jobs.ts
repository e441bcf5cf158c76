import { addMilliseconds, backfillCustomerLanguages, type CoreDeps, type JobHandlers } from '@keluh/core';
import type { FastifyBaseLogger } from 'fastify';

/** Batches per run: each is one short transaction, so ingest is never held up for long. */
const BATCHES_PER_RUN = 10;
const BATCH = 200;
const PAUSE_MS = 5_000;

/**
 * `customers.language_backfill`: one job row per installation (key `once`). It runs until every customer
 * stored before language detection was read, then is done for good; the cursor lives in the settings.
 */
export function languageBackfillHandlers(deps: CoreDeps, log: FastifyBaseLogger): JobHandlers {
  return {
    'customers.language_backfill': {
      async run() {
        for (let i = 0; i < BATCHES_PER_RUN; i++) {
          const { read, changed } = await backfillCustomerLanguages(deps, BATCH);
          if (changed > 0) log.info({ changed }, 'customer languages detected from what they wrote');
          if (read < BATCH) return { kind: 'done' };
        }
        return { kind: 'again', at: addMilliseconds(deps.clock.now(), PAUSE_MS) };
      },
    },
  };
}

export async function scheduleLanguageBackfill(deps: CoreDeps): Promise<void> {
  const now = deps.clock.now();
  await deps.db.jobs.schedule({ kind: 'customers.language_backfill', key: 'once', runAt: now }, now);
}
