/*
 * The one rule for text that cannot be valid Unicode: NUL, and UTF-16 surrogates without their partner.
 * JSON can carry both (`"\u0000"`, `"\ud83d"` alone); SQLite would keep NUL and cut text at it in
 * functions, PostgreSQL refuses it, and a lone surrogate is written as bytes that are not UTF-8.
 *
 * - Text a person types into our own clients (console, widget, admin forms) is refused with
 *   `text.invalid_characters`: their client can show it and they can fix it.
 * - Text a channel delivers (WhatsApp, Instagram, API-channel webhooks) is repaired with U+FFFD: the
 *   customer already wrote it, and refusing would lose the message or make the channel retry forever.
 */

export const REPLACEMENT_CHARACTER = '\uFFFD';

// Without the `u` flag the pattern sees UTF-16 code units, which is what makes a lone surrogate visible.
const INVALID_SOURCE = String.raw`\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]`;
const INVALID = new RegExp(INVALID_SOURCE);
const INVALID_ALL = new RegExp(INVALID_SOURCE, 'g');

export function isCleanText(text: string): boolean {
  return !INVALID.test(text);
}

export function replaceInvalidText(text: string): string {
  return isCleanText(text) ? text : text.replace(INVALID_ALL, REPLACEMENT_CHARACTER);
}

/** Parsed JSON and query objects (fast-querystring's have a prototype-less prototype); never raw bytes. */
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !ArrayBuffer.isView(value);

/**
 * The dotted path of the first string (value or key) in a parsed JSON value that breaks the rule, or
 * null. Walks with its own stack, so a deeply nested body cannot overflow the call stack.
 */
export function findInvalidText(value: unknown, root = ''): string | null {
  const stack: [unknown, string][] = [[value, root]];
  while (stack.length > 0) {
    const [current, path] = stack.pop()!;
    if (typeof current === 'string') {
      if (!isCleanText(current)) return path || '(root)';
    } else if (Array.isArray(current)) {
      for (let index = current.length - 1; index >= 0; index -= 1) stack.push([current[index], join(path, String(index))]);
    } else if (isRecord(current)) {
      const entries = Object.entries(current);
      for (const [key] of entries) if (!isCleanText(key)) return join(path, replaceInvalidText(key));
      for (let index = entries.length - 1; index >= 0; index -= 1) {
        const [key, child] = entries[index]!;
        stack.push([child, join(path, key)]);
      }
    }
  }
  return null;
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

/**
 * Whether the JSON text itself could carry what the rule forbids. A string decoded from bytes holds no
 * lone surrogate (invalid UTF-8 decodes to U+FFFD) and JSON allows no raw control character in a string,
 * so only an escape can smuggle one in: `\u0000`, or a surrogate escape without its partner. A scan for
 * `\u` (a plain loop: a regex with look-behind cost more than the parse) finds them; a false alarm (an
 * escaped backslash before "u0000") only costs the slow path.
 */
function mayHoldInvalidEscape(text: string): boolean {
  for (let at = text.indexOf('\\u'); at !== -1; at = text.indexOf('\\u', at + 2)) {
    const unit = Number.parseInt(text.slice(at + 2, at + 6), 16);
    if (unit === 0) return true;
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.startsWith('\\u', at + 6) ? Number.parseInt(text.slice(at + 8, at + 12), 16) : NaN;
      if (!(next >= 0xdc00 && next <= 0xdfff)) return true;
      at += 6; // the pair is fine: skip its low half
    } else if (unit >= 0xdc00 && unit <= 0xdfff) return true;
  }
  return false;
}

/**
 * JSON.parse for channel webhooks: every string, keys included, comes out repaired (see above). Nearly
 * every delivery has nothing to repair, and a reviver visits every value of every webhook, so the text is
 * scanned first and parsed plainly when no escape could produce invalid text.
 */
export function parseChannelJson(text: string): unknown {
  if (!mayHoldInvalidEscape(text)) return JSON.parse(text);
  return JSON.parse(text, (_key, value: unknown) => {
    if (typeof value === 'string') return replaceInvalidText(value);
    if (!isRecord(value) || Object.keys(value).every(isCleanText)) return value;
    return Object.fromEntries(Object.entries(value).map(([key, child]) => [replaceInvalidText(key), child]));
  });
}
