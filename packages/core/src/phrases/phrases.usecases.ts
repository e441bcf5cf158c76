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

/** Refused before anything is stored when a `{placeholder}` is unknown or a brace unbalanced. */
export async function createPhrase(deps: CoreDeps, phrase: NewPhrase): Promise<Phrase> {
  assertKnownPlaceholders(phrase.title, phrase.body);
  return commit(deps, (tx) => tx.phrases.create(phrase, deps.clock.now()));
}

export async function updatePhrase(deps: CoreDeps, id: number, phrase: NewPhrase): Promise<Phrase> {
  assertKnownPlaceholders(phrase.title, phrase.body);
  const updated = await commit(deps, (tx) => tx.phrases.update(id, phrase, deps.clock.now()));
  if (!updated) throw new AppError('phrase.not_found', `Phrase ${id} does not exist`);
  return updated;
}

export async function deletePhrase(deps: CoreDeps, id: number): Promise<void> {
  if (!(await commit(deps, (tx) => tx.phrases.remove(id)))) throw new AppError('phrase.not_found', `Phrase ${id} does not exist`);
}

/** At every start: the defaults land in an empty bank once, whichever process starts first. */
export async function seedDefaultPhrases(deps: Pick<CoreDeps, 'db' | 'clock'>): Promise<void> {
  await deps.db.phrases.seedIfEmpty(defaultPhrases, deps.clock.now());
}
