import { createHash } from 'node:crypto';
import type { MediaKnobs } from './knobs.ts';
import { newNumericId, newUrlHash } from './ids.ts';
import type { WaMediaRef } from './payloads.whatsapp.ts';

/**
 * Bytes behind WhatsApp media ids (§2.7) and Instagram CDN attachment URLs (§3.3). Media ids expire
 * (7 days from webhooks, 30 days for uploads); each `GET /{media-id}` issues a fresh download URL that
 * expires after `urlTtlMs` (5 minutes) — the adapter must re-fetch the URL, not cache it.
 */

export interface StoredMedia {
  id: string;
  bytes: Buffer;
  mimeType: string;
  /** §2.7 / §8.11 [U]: base64 of the SHA-256 of the bytes. */
  sha256: string;
  fileSize: number;
  createdAt: number;
  expiresAt: number;
  filename?: string;
}

export interface AddMediaOptions {
  id?: string;
  /** `inbound` (default) lives 7 days, `upload` 30 days (§2.7). */
  origin?: 'inbound' | 'upload';
  ttlMs?: number;
  filename?: string;
}

interface IssuedUrl {
  mediaId: string;
  expiresAt: number;
}

interface CdnAsset {
  bytes: Buffer;
  mimeType: string;
  expiresAt: number;
}

export const WA_MEDIA_PATH = '/whatsapp_business/attachments/';
export const IG_CDN_PATH = '/ig_messaging_cdn/';

export class MediaStore {
  private readonly media = new Map<string, StoredMedia>();
  private readonly urls = new Map<string, IssuedUrl>();
  private readonly cdn = new Map<string, CdnAsset>();

  constructor(
    private readonly now: () => number,
    private readonly knobs: () => MediaKnobs,
  ) {}

  add(bytes: Buffer | Uint8Array | string, mimeType: string, options: AddMediaOptions = {}): string {
    const data = Buffer.from(bytes);
    const id = options.id ?? newNumericId(16);
    const knobs = this.knobs();
    const ttl = options.ttlMs ?? (options.origin === 'upload' ? knobs.uploadedIdTtlMs : knobs.inboundIdTtlMs);
    const createdAt = this.now();
    this.media.set(id, {
      id,
      bytes: data,
      mimeType,
      sha256: createHash('sha256').update(data).digest('base64'),
      fileSize: data.length,
      createdAt,
      expiresAt: createdAt + ttl,
      ...(options.filename !== undefined && { filename: options.filename }),
    });
    return id;
  }

  /** Live media only: expired or deleted ids are gone, as on Meta. */
  get(id: string): StoredMedia | undefined {
    const item = this.media.get(id);
    return item && item.expiresAt > this.now() ? item : undefined;
  }

  /** The fields a webhook media object carries, ready for `wa.image(...)` and friends. */
  describe(id: string): WaMediaRef {
    const item = this.media.get(id);
    if (!item) throw new Error(`meta-sim: unknown media id ${id}`);
    return { id: item.id, mime_type: item.mimeType, sha256: item.sha256 };
  }

  /** Case 25 "media id expired": the id stops resolving from now on. */
  expire(id: string): void {
    const item = this.media.get(id);
    if (item) item.expiresAt = this.now();
  }

  delete(id: string): boolean {
    return this.media.delete(id);
  }

  /** A fresh lookaside-style URL for this id, valid `urlTtlMs` (§2.7 step 2). */
  issueUrl(id: string, baseUrl: string): string {
    const hash = newUrlHash();
    const expiresAt = this.now() + this.knobs().urlTtlMs;
    this.urls.set(hash, { mediaId: id, expiresAt });
    const url = new URL(WA_MEDIA_PATH, baseUrl);
    url.searchParams.set('mid', id);
    url.searchParams.set('ext', String(Math.floor(expiresAt / 1000)));
    url.searchParams.set('hash', hash);
    return url.toString();
  }

  /** Case 25 "URL expired": every URL issued so far for this id expires now. */
  expireUrls(id?: string): void {
    for (const issued of this.urls.values()) if (id === undefined || issued.mediaId === id) issued.expiresAt = this.now();
  }

  resolveUrl(hash: string): { media: StoredMedia | undefined; expired: boolean } | undefined {
    const issued = this.urls.get(hash);
    if (!issued) return undefined;
    return { media: this.get(issued.mediaId), expired: issued.expiresAt <= this.now() };
  }

  /** An Instagram attachment on the sim's "CDN"; fetched without a token [O] (§3.3). */
  addCdnAsset(bytes: Buffer | Uint8Array | string, mimeType: string, baseUrl: string): string {
    const assetId = newNumericId(8);
    this.cdn.set(assetId, { bytes: Buffer.from(bytes), mimeType, expiresAt: this.now() + this.knobs().igCdnTtlMs });
    const url = new URL(IG_CDN_PATH, baseUrl);
    url.searchParams.set('asset_id', assetId);
    url.searchParams.set('signature', newUrlHash());
    return url.toString();
  }

  resolveCdn(assetId: string): CdnAsset | 'expired' | undefined {
    const asset = this.cdn.get(assetId);
    if (!asset) return undefined;
    return asset.expiresAt > this.now() ? asset : 'expired';
  }

  clear(): void {
    this.media.clear();
    this.urls.clear();
    this.cdn.clear();
  }
}
