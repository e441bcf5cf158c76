import { ChannelMediaError, type FetchedMedia, type InboundAttachment } from '@keluh/core';
import { mediaRefusal } from '../outbound/channel-errors.ts';
import { downloadMedia, type MediaRules } from '../outbound/media-download.ts';
import type { FetchLike } from './instagram.client.ts';

/** Statuses that mean the CDN will never serve this URL again: the attachment is shown unavailable. */
const GONE = new Set([403, 404, 410]);

/**
 * Meta's CDN hosts for Instagram attachments (§3.3: lookaside.fbsbx.com; stories and shares come from
 * the fbcdn / cdninstagram networks). INSTAGRAM_CDN_HOSTS overrides the list.
 */
export const DEFAULT_INSTAGRAM_CDN_HOSTS: readonly string[] = ['lookaside.fbsbx.com', 'fbcdn.net', 'cdninstagram.com'];

/**
 * Downloads an inbound attachment from Meta's CDN (§3.3). The URL is fetched without a token [O] and
 * expires at an undocumented time [U] (§8.15), which is why the core downloads on receipt; a stale
 * URL answers 403/404/410 and cannot be refreshed (unlike WhatsApp media ids, §2.7). The URL is the
 * customer's message, so it is held to the CDN hosts and the guard's limits before anything is sent.
 */
export async function fetchInstagramMedia(fetcher: FetchLike, attachment: InboundAttachment, rules: MediaRules): Promise<FetchedMedia> {
  const url = attachment.externalRef;
  if (!url) throw new ChannelMediaError('The Instagram attachment has no download URL', true);
  let response;
  try {
    response = await downloadMedia(fetcher, url, {}, rules);
  } catch (error) {
    throw mediaRefusal(error) ?? new ChannelMediaError(`Could not download the attachment from Instagram's CDN: ${error instanceof Error ? error.message : String(error)}`, false);
  }
  if (!response.ok) {
    throw new ChannelMediaError(`Instagram's CDN answered HTTP ${response.status} for the attachment`, GONE.has(response.status));
  }
  const mimeType = response.contentType?.split(';')[0]?.trim().toLowerCase() || attachment.mimeType || 'application/octet-stream';
  return { bytes: response.bytes, mimeType };
}
