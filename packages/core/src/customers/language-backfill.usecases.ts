import { commit, type CoreDeps } from '../shared/deps.ts';
import { detectLanguage, isConfident } from './language-detect.rules.ts';

/** Where the backfill got to (the last customer id read), so a restart or a second process goes on from there. */
export const LANGUAGE_BACKFILL_CURSOR = 'customers.language_backfill_cursor';
const TEXTS_PER_CUSTOMER = 20;

/**
 * Customers stored before language detection all say `id` (the old default), English writers too. One
 * batch reads their newest messages, sets the language where the reading is confident, and moves the
 * cursor in the same transaction, so the next batch starts after it. Applying a batch twice (two
 * processes) sets the same languages again: harmless.
 * Returns how many customers were read and how many changed; fewer read than `batch` means it is done.
 */
export async function backfillCustomerLanguages(deps: CoreDeps, batch = 200): Promise<{ read: number; changed: number }> {
  return commit(deps, async (tx) => {
    const after = Number((await tx.settings.get(LANGUAGE_BACKFILL_CURSOR)) ?? 0);
    const rows = await tx.customerProfiles.listInboundTexts(after, batch, TEXTS_PER_CUSTOMER);
    let changed = 0;
    const now = deps.clock.now();
    for (const row of rows) {
      const guess = detectLanguage(row.texts.join('\n'));
      if (isConfident(guess) && guess.language !== row.language) {
        await tx.customers.update(row.customerId, { language: guess.language }, now);
        changed += 1;
      }
    }
    // The last, partial batch leaves no cursor: the job is done after it, and running it again changes nothing.
    if (rows.length === batch) await tx.settings.set(LANGUAGE_BACKFILL_CURSOR, String(rows.at(-1)!.customerId));
    return { read: rows.length, changed };
  });
}
