/** bm25 is computed for every record a term matches: the search reads at most about this many postings. */
export const POSTING_BUDGET = 3_000;
/** However common it is, the rarest term is always searched for. */
export const MIN_TERMS = 1;

/**
 * The terms worth scoring, rarest first by the index's own document frequencies: terms nothing contains
 * go, and once the budget of postings is spent, so do the commoner ones. A term in a large share of the
 * cases adds almost nothing to bm25 (its idf is near zero) yet makes FTS5 score every one of them — on
 * 100,000 records, 150 ms for a query that shares "pesanan" and "inv" with half of them, 5 ms without.
 */
export function termsWithinBudget(terms: readonly { term: string; documents: number }[], budget = POSTING_BUDGET, minTerms = MIN_TERMS): string[] {
  const known = terms.filter((entry) => entry.documents > 0).sort((a, b) => a.documents - b.documents);
  const kept: string[] = [];
  let postings = 0;
  for (const entry of known) {
    if (kept.length >= minTerms && postings + entry.documents > budget) break;
    kept.push(entry.term);
    postings += entry.documents;
  }
  return kept;
}

/**
 * Document frequencies change slowly and are only a pruning hint, while reading one from FTS5 walks the
 * term's whole doclist (a millisecond for a word in half the cases). So common terms are remembered for a
 * minute, for at most this many terms; complaint vocabulary repeats, so almost every look-up is a hit.
 * Rare terms are cheap to read and are read every time: a word nothing contained a moment ago may be in
 * the case just saved, and must not be pruned as unknown.
 */
export class FrequencyCache {
  private readonly entries = new Map<string, { documents: number; until: number }>();
  private readonly ttlMs: number;
  private readonly maxTerms: number;
  private readonly minDocuments: number;
  private readonly now: () => number;

  constructor(options: { ttlMs?: number; maxTerms?: number; minDocuments?: number; now?: () => number } = {}) {
    this.ttlMs = options.ttlMs ?? 60_000;
    this.maxTerms = options.maxTerms ?? 20_000;
    this.minDocuments = options.minDocuments ?? 100;
    this.now = options.now ?? Date.now;
  }

  get(term: string): number | undefined {
    const hit = this.entries.get(term);
    return hit && hit.until > this.now() ? hit.documents : undefined;
  }

  remember(term: string, documents: number): number {
    if (documents < this.minDocuments) return documents;
    if (this.entries.size >= this.maxTerms) this.entries.clear();
    this.entries.set(term, { documents, until: this.now() + this.ttlMs });
    return documents;
  }
}
