import { ChannelMediaError, type FetchedMedia, type InboundAttachment } from '@keluh/core';
import type { FetchLike } from './instagram.client.ts';

/** Statuses that mean the CDN will never serve this URL again: the attachment is shown unavailable. */
const GONE = new Set([403, 404, 410]);

/**
 * Downloads an inbound attachment from Meta's CDN (§3.3). The URL is fetched without a token [O] and
 * expires at an undocumented time [U] (§8.15), which is why the core downloads on receipt; a stale
 * URL answers 403/404/410 and cannot be refreshed (unlike WhatsApp media ids, §2.7).
 */
export async function fetchInstagramMedia(fetcher: FetchLike, attachment: InboundAttachment, timeoutMs = 60_000): Promise<FetchedMedia> {
  const url = attachment.externalRef;
  if (!url || !/^https?:\/\//i.test(url)) throw new ChannelMediaError('The Instagram attachment has no download URL', true);
  let response: Response;
  try {
    response = await fetcher(url, { method: 'GET', signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    throw new ChannelMediaError(`Could not reach Instagram's CDN: ${error instanceof Error ? error.message : String(error)}`, false);
  }
  if (!response.ok) {
    throw new ChannelMediaError(`Instagram's CDN answered HTTP ${response.status} for the attachment`, GONE.has(response.status));
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    throw new ChannelMediaError(`The attachment download was interrupted: ${error instanceof Error ? error.message : String(error)}`, false);
  }
  const mimeType = response.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase() || attachment.mimeType || 'application/octet-stream';
  return { bytes, mimeType };
}
