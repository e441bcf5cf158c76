import { createHash } from 'node:crypto';
import { ChannelMediaError, type FetchedMedia, type InboundAttachment } from '@keluh/core';
import { parseGraphError } from '../meta/graph-error.ts';
import { mediaRefusal } from '../outbound/channel-errors.ts';
import type { DownloadResponse, WhatsappGraphClient } from './whatsapp.client.ts';

interface MediaInfo {
  url: string;
  mimeType: string | null;
  sha256: string | null;
}

/** Statuses of a download URL that has outlived its 5 minutes (§2.7; exact status [U], §8.11). */
const expiredUrlStatuses = new Set([401, 403, 404, 410]);
/** Graph codes meaning the media id itself is gone (7-day lifetime, §2.7) or unknown. */
const goneCodes = new Set([100, 131052]);

async function attempt<T>(step: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (cause) {
    // Refused by the outbound guard (internal address, too large, too slow): final, with its code.
    throw mediaRefusal(cause) ?? new ChannelMediaError(`WhatsApp media ${step} failed: ${cause instanceof Error ? cause.message : String(cause)}`, false);
  }
}

/** §2.7 step 2: the media id → a short-lived download URL. */
async function lookUp(client: WhatsappGraphClient, mediaId: string): Promise<MediaInfo> {
  const response = await attempt('lookup', () => client.getMedia(mediaId));
  if (!response.ok) {
    const error = parseGraphError(response.status, response.body);
    const gone = response.status === 404 || (error.code !== null && goneCodes.has(error.code));
    throw new ChannelMediaError(`WhatsApp media ${mediaId}: ${error.details ?? error.message}`, gone);
  }
  const body = response.body as { url?: unknown; mime_type?: unknown; sha256?: unknown } | null;
  if (typeof body?.url !== 'string') throw new ChannelMediaError(`WhatsApp media ${mediaId}: lookup returned no url`, false);
  return {
    url: body.url,
    mimeType: typeof body.mime_type === 'string' ? body.mime_type : null,
    sha256: typeof body.sha256 === 'string' ? body.sha256 : null,
  };
}

/** §2.7 step 4 / §8.11: Meta's examples are base64; hex is accepted in case that assumption is wrong. */
function matchesSha256(bytes: Uint8Array, announced: string): boolean {
  const digest = createHash('sha256').update(bytes).digest();
  return announced === digest.toString('base64') || announced.toLowerCase() === digest.toString('hex');
}

/**
 * Downloads an inbound attachment (§2.7, case 25). A download URL lives 5 minutes, so an expired one
 * is replaced by a fresh lookup exactly once; an id Meta no longer knows is `expired` (shown as
 * unavailable); everything else — network, checksum, token — is worth another try later.
 */
export async function fetchWhatsappMedia(client: WhatsappGraphClient, attachment: InboundAttachment): Promise<FetchedMedia> {
  const mediaId = attachment.externalRef;
  if (!mediaId) throw new ChannelMediaError(`A WhatsApp ${attachment.kind} attachment has no media id to fetch`, true);
  let info = await lookUp(client, mediaId);
  let download: DownloadResponse = await attempt('download', () => client.download(info.url));
  if (expiredUrlStatuses.has(download.status)) {
    info = await lookUp(client, mediaId);
    const fresh = info.url;
    download = await attempt('download', () => client.download(fresh));
  }
  if (!download.ok) throw new ChannelMediaError(`WhatsApp media ${mediaId}: download answered HTTP ${download.status}`, false);
  const announced = attachment.sha256 ?? info.sha256;
  if (announced && !matchesSha256(download.bytes, announced)) {
    throw new ChannelMediaError(`WhatsApp media ${mediaId}: SHA-256 of the downloaded bytes does not match`, false);
  }
  const mimeType = info.mimeType ?? attachment.mimeType ?? download.contentType ?? 'application/octet-stream';
  return { bytes: download.bytes, mimeType };
}
