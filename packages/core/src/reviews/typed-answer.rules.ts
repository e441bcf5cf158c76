import { AppError } from '../shared/errors.ts';
import { MAX_SCORE, MIN_SCORE } from './review.types.ts';

const numberWords: Record<string, number> = {
  satu: 1, dua: 2, tiga: 3, empat: 4, lima: 5,
  one: 1, two: 2, three: 3, four: 4, five: 5,
};
const yes = new Set(['ya', 'iya', 'iyaa', 'y', 'yes', 'yep', 'ok', 'oke', 'okay', 'boleh', 'silakan', 'silahkan', 'mau', 'sure']);
const no = new Set(['tidak', 'tdk', 'nggak', 'gak', 'ga', 'enggak', 'jangan', 'no', 'nope', 'gak usah', 'ga usah', 'nggak usah', 'tidak usah', 'jangan ditampilkan', 'no thanks', 'no thank you']);

/** Lower case, trimmed, surrounding punctuation gone: "Lima!" and "lima" are the same answer. */
function normalise(text: string): string {
  return text.toLowerCase().normalize('NFKC').replace(/[\s.!,]+$/u, '').replace(/^[\s.!,]+/u, '').replace(/\s+/g, ' ');
}

function scoreOfToken(token: string): number | null {
  if (/^\d$/.test(token)) return Number(token);
  return numberWords[token] ?? null;
}

/**
 * A score typed instead of tapped: "5", "5/5", "lima", "bintang 4", "4 bintang", a row of stars. Only a
 * short answer that is nothing but a score counts; "5 hari belum sampai" is a complaint, not a rating.
 */
export function parseTypedScore(text: string): number | null {
  const answer = normalise(text);
  if (answer.length === 0 || answer.length > 20) return null;
  const stars = /^(?:⭐|★)+$/u.exec(answer.replace(/\s|\uFE0F/g, ''));
  const score = stars
    ? [...answer.replace(/\s|\uFE0F/g, '')].length
    : (() => {
        const match = /^(?:(?:bintang|star|stars|nilai|skor|score)\s)?([a-z]+|\d)(?:\s?\/\s?5|\s(?:bintang|star|stars|dari 5|of 5|out of 5))?$/u.exec(answer);
        return match ? scoreOfToken(match[1]!) : null;
      })();
  return score !== null && score >= MIN_SCORE && score <= MAX_SCORE ? score : null;
}

/** A consent typed instead of tapped; anything else (including a comment) is not an answer. */
export function parseTypedConsent(text: string): boolean | null {
  const answer = normalise(text);
  if (yes.has(answer)) return true;
  if (no.has(answer)) return false;
  return null;
}

/** Every path that records a score (channel, staff, widget) refuses the same way. */
export function assertScore(score: number): number {
  if (!Number.isInteger(score) || score < MIN_SCORE || score > MAX_SCORE) {
    throw new AppError('review.invalid_score', `A rating is a whole number from ${MIN_SCORE} to ${MAX_SCORE}`, { issues: [{ path: 'score', message: `Between ${MIN_SCORE} and ${MAX_SCORE}` }] });
  }
  return score;
}
