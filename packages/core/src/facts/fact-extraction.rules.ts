import type { MessageDirection } from '../messages/message.types.ts';
import { datePatterns, resolveDate } from './fact-dates.ts';
import { factPatterns } from './fact-patterns.ts';
import type { ProposedFact } from './fact.types.ts';

export interface ExtractableMessage {
  id: number;
  body: string | null;
  direction: MessageDirection;
  createdAt: string;
}

/** Past this, a message is mostly pasted logs or a forwarded thread: reading its head is enough. */
const MAX_BODY = 4000;

/**
 * Facts proposed from the customer's own words (inbound messages only), oldest message first, each
 * (kind, value) once at its first mention. Pure and cheap: the console runs it over the messages it has
 * on every render of the details panel, so ingest pays nothing.
 */
export function extractFacts(messages: readonly ExtractableMessage[]): ProposedFact[] {
  const found: ProposedFact[] = [];
  const seen = new Set<string>();
  for (const message of messages) {
    if (message.direction !== 'in' || !message.body) continue;
    for (const fact of extractFromText(message.body.slice(0, MAX_BODY), message.id, message.createdAt)) {
      const key = `${fact.kind}\u0000${fact.value}`;
      if (seen.has(key)) continue;
      seen.add(key);
      found.push(fact);
    }
  }
  return found;
}

function extractFromText(body: string, messageId: number, createdAt: string): ProposedFact[] {
  const taken: [number, number][] = [];
  const overlaps = (start: number, end: number) => taken.some(([s, e]) => start < e && s < end);
  const facts: ProposedFact[] = [];
  const keep = (kind: ProposedFact['kind'], value: string | null, raw: string, start: number) => {
    const end = start + raw.length;
    if (value === null || overlaps(start, end)) return;
    taken.push([start, end]);
    facts.push({ kind, value, raw, messageId, start, end });
  };

  for (const { kind, pattern, group, normalise } of factPatterns) {
    for (const match of body.matchAll(pattern)) {
      const raw = match[group];
      if (!raw) continue;
      // The group's offset: the match's start plus where the group sits inside the match text.
      const start = match.index + (group === 0 ? 0 : match[0].lastIndexOf(raw));
      keep(kind, normalise(raw), raw, start);
    }
  }
  for (const { pattern, read } of datePatterns) {
    for (const match of body.matchAll(pattern)) {
      const parsed = read(match as RegExpExecArray);
      keep('date', parsed ? resolveDate(parsed, createdAt) : null, match[0], match.index);
    }
  }
  return facts.sort((a, b) => a.start - b.start);
}
