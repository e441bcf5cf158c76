import { safeHttpUrl } from '@keluh/realtime-client';

/**
 * URLs that come from a channel (an Instagram story or shared post, an attachment, a location) are the
 * customer's text. Only http(s) and paths on our own server may become a link or a media source:
 * `javascript:`, `data:`, `vbscript:` and friends would run in the console's origin when clicked, so
 * they are never rendered as links at all.
 */
export function safeLink(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  if (trimmed === '') return null;
  // A root-relative path is ours (/api/media/…); `//host` and `/\host` are other sites in disguise.
  if (/^\/(?![/\\])/.test(trimmed)) return trimmed;
  return safeHttpUrl(trimmed);
}
