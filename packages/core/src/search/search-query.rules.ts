import { AppError } from '../shared/errors.ts';
import { searchTokens } from '../resolutions/search-text.rules.ts';
import { matchingWords } from './indonesian-terms.rules.ts';
import type { SearchPlan } from './search.types.ts';

export const MAX_SEARCH_QUERY_LENGTH = 200;
/** More words than anyone types into a search box: the rest would only slow the query down. */
export const MAX_SEARCH_WORDS = 8;
const MAX_WORD_LENGTH = 40;

const PHONE_LIKE = /^[+\d\s().-]+$/;

/**
 * A phone number typed any way (`0812…`, `62812…`, `+62 812-…`) as the digits of its E.164 form, which is
 * how identities store it: Indonesia's trunk 0 becomes 62. Null when the text is no phone number.
 */
export function phoneDigits(text: string): string | null {
  if (!PHONE_LIKE.test(text)) return null;
  const digits = text.replace(/\D/g, '');
  if (digits.length < 4) return null;
  return digits.startsWith('0') ? `62${digits.slice(1)}` : digits;
}

/**
 * The query as the index sees it. A phone-like query is one word: its E.164 digits by prefix, and as
 * written (and in its 0… and 62… forms) for message text. Otherwise every word is folded like the index
 * folds text and matches its affixed forms; customers also match it as a prefix.
 */
export function searchPlan(q: string): SearchPlan {
  const trimmed = q.trim();
  if (trimmed.length === 0) throw new AppError('search.query_empty', 'Type something to search for');
  if (trimmed.length > MAX_SEARCH_QUERY_LENGTH) throw new AppError('search.query_too_long', `A search is at most ${MAX_SEARCH_QUERY_LENGTH} characters`, { max: MAX_SEARCH_QUERY_LENGTH });
  const phone = phoneDigits(trimmed);
  if (phone !== null) {
    const typed = trimmed.replace(/\D/g, '');
    const national = phone.startsWith('62') ? `0${phone.slice(2)}` : typed;
    return { words: [{ typed, words: [...new Set([typed, phone, national])], prefixes: [phone] }] };
  }
  const tokens = [...new Set(searchTokens(trimmed).filter((token) => token.length <= MAX_WORD_LENGTH))].slice(0, MAX_SEARCH_WORDS);
  if (tokens.length === 0) throw new AppError('search.query_empty', 'The search has no letters or digits');
  return { words: tokens.map((token) => ({ typed: token, words: matchingWords(token), prefixes: [token] })) };
}

/**
 * How many of its newest matches each kind ranks. The engines stop reading once they have these, so a
 * word in half of all messages costs no more than a rare one; the newest are what a help desk looks for.
 */
export const SEARCH_CANDIDATES = 200;
