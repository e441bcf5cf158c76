import { recordAudit } from '../audit/audit.rules.ts';
import type { PhraseQuery } from '../ports/workflow.port.ts';
import { commit, type CoreDeps } from '../shared/deps.ts';
import { AppError } from '../shared/errors.ts';
import { defaultPhrases } from './default-phrases.ts';
import { filterPhrases } from './phrase-bank.rules.ts';
import type { NewPhrase, Phrase } from './phrase.types.ts';
import { assertKnownPlaceholders } from './placeholders.rules.ts';

/** The bank, by stage and language; `q` narrows it as the composer's `/` picker does (filterPhrases). */
export async function listPhrases(deps: CoreDeps, query: PhraseQuery & { q?: string }): Promise<Phrase[]> {
  const { q, ...where } = query;
  const phrases = await deps.db.phrases.list(where);
  return q ? filterPhrases(phrases, q) : phrases;
}

const phraseAudit = (actorUserId: number | null, id: number, data: Record<string, unknown>) => ({ action: 'settings.changed' as const, actorUserId, target: `phrase:${id}`, data });
const notFound = (id: number) => new AppError('phrase.not_found', `Phrase ${id} does not exist`);

/** Refused before anything is stored when a `{placeholder}` is unknown or a brace unbalanced. Audited with the change. */
export async function createPhrase(deps: CoreDeps, phrase: NewPhrase, actorUserId: number | null = null): Promise<Phrase> {
  assertKnownPlaceholders(phrase.title, phrase.body);
  const now = deps.clock.now();
  return commit(deps, async (tx) => {
    const created = await tx.phrases.create(phrase, now);
    await recordAudit(tx, phraseAudit(actorUserId, created.id, { created: phrase }), now);
    return created;
  });
}

export async function updatePhrase(deps: CoreDeps, id: number, phrase: NewPhrase, actorUserId: number | null = null): Promise<Phrase> {
  assertKnownPlaceholders(phrase.title, phrase.body);
  const now = deps.clock.now();
  return commit(deps, async (tx) => {
    const updated = await tx.phrases.update(id, phrase, now);
    // Thrown inside, so a missing phrase rolls back (there is nothing to audit).
    if (!updated) throw notFound(id);
    await recordAudit(tx, phraseAudit(actorUserId, id, { updated: phrase }), now);
    return updated;
  });
}

export async function deletePhrase(deps: CoreDeps, id: number, actorUserId: number | null = null): Promise<void> {
  const now = deps.clock.now();
  await commit(deps, async (tx) => {
    if (!(await tx.phrases.remove(id))) throw notFound(id);
    await recordAudit(tx, phraseAudit(actorUserId, id, { deleted: true }), now);
  });
}

/** At every start: the defaults land in an empty bank once, whichever process starts first. */
export async function seedDefaultPhrases(deps: Pick<CoreDeps, 'db' | 'clock'>): Promise<void> {
  await deps.db.phrases.seedIfEmpty(defaultPhrases, deps.clock.now());
}
