import type { Language } from '../customers/customer.types.ts';
import { AppError } from '../shared/errors.ts';
import { phrasePlaceholders, type PhrasePlaceholder } from './phrase.types.ts';

const known: ReadonlySet<string> = new Set(phrasePlaceholders);

/** What an agent sees in place of a value the ticket does not have yet, so it is filled before sending. */
const missingMarkers: Record<Language, Record<PhrasePlaceholder, string>> = {
  id: { customer_name: '[nama pelanggan]', order_number: '[nomor pesanan]', topic: '[topik]', agent_name: '[nama agen]' },
  en: { customer_name: '[customer name]', order_number: '[order number]', topic: '[topic]', agent_name: '[agent name]' },
};

type Piece = { text: string } | { placeholder: string };

/**
 * Splits a phrase body into text and `{name}` pieces in one pass; null when a brace has no partner
 * ("{order_number", "topic}", "{{x}}"), which would otherwise reach the customer as written.
 */
function piecesOf(body: string): Piece[] | null {
  const pieces: Piece[] = [];
  let start = 0;
  for (let index = 0; index < body.length; index++) {
    const char = body[index];
    if (char === '}') return null;
    if (char !== '{') continue;
    const close = body.indexOf('}', index + 1);
    const nested = body.indexOf('{', index + 1);
    if (close < 0 || (nested >= 0 && nested < close)) return null;
    if (index > start) pieces.push({ text: body.slice(start, index) });
    pieces.push({ placeholder: body.slice(index + 1, close).trim() });
    index = close;
    start = close + 1;
  }
  if (start < body.length) pieces.push({ text: body.slice(start) });
  return pieces;
}

/** The placeholder names a body uses, in order of first use; unbalanced braces yield none (see assertKnownPlaceholders). */
export function findPlaceholders(body: string): string[] {
  const names = (piecesOf(body) ?? []).flatMap((piece) => ('placeholder' in piece ? [piece.placeholder] : []));
  return [...new Set(names)];
}

/** Refuses a body with an unknown `{placeholder}` or an unbalanced brace: `phrase.unknown_placeholder`, details.placeholders. */
export function assertKnownPlaceholders(...bodies: string[]): void {
  const unknown: string[] = [];
  for (const body of bodies) {
    const pieces = piecesOf(body);
    if (!pieces) throw new AppError('phrase.unknown_placeholder', 'A brace in the phrase has no partner', { placeholders: [], unbalanced: true });
    for (const piece of pieces) if ('placeholder' in piece && !known.has(piece.placeholder) && !unknown.includes(piece.placeholder)) unknown.push(piece.placeholder);
  }
  if (unknown.length > 0) throw new AppError('phrase.unknown_placeholder', `Unknown placeholders: ${unknown.join(', ')}`, { placeholders: unknown, known: [...phrasePlaceholders] });
}

export type PlaceholderValues = Partial<Record<PhrasePlaceholder, string | null>>;

/** Fills the placeholders; a value the ticket lacks becomes a visible marker in the agent's language. */
export function renderPhrase(body: string, values: PlaceholderValues, language: Language): string {
  const pieces = piecesOf(body);
  if (!pieces) return body;
  return pieces
    .map((piece) => {
      if ('text' in piece) return piece.text;
      if (!known.has(piece.placeholder)) return `{${piece.placeholder}}`;
      const name = piece.placeholder as PhrasePlaceholder;
      const value = values[name]?.trim();
      return value ? value : missingMarkers[language][name];
    })
    .join('');
}
