import type { MediaTypeDecision } from '@keluh/core';

/**
 * Even an allow-listed photo is served as if it were hostile: a sandboxed document with no script,
 * style or frame of its own, never sniffed into something else, and readable by our own pages only.
 * A file we cannot prove is a picture, a video or a sound is a download and never opens in the
 * console's origin, whatever its bytes are.
 */
export const MEDIA_CSP = "default-src 'none'; img-src 'self'; media-src 'self'; frame-ancestors 'none'; sandbox";

export function mediaHeaders(decision: MediaTypeDecision): Record<string, string> {
  return {
    'content-type': decision.mimeType,
    'content-disposition': decision.inline ? 'inline' : 'attachment',
    'x-content-type-options': 'nosniff',
    'content-security-policy': MEDIA_CSP,
    'cross-origin-resource-policy': 'same-origin',
    // Content-addressed: the bytes behind a name never change.
    'cache-control': 'private, max-age=31536000, immutable',
  };
}
