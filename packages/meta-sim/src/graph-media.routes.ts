import { objectNotFound } from './graph-errors.ts';
import { checkToken, presentedToken } from './graph.common.ts';
import type { SimRequest, SimResponse } from './http.router.ts';
import type { SimCore } from './sim.core.ts';

/**
 * Media download flow of §2.7: `GET /{v}/{media-id}` answers a short-lived URL on the sim; that URL
 * needs the same bearer token and serves the bytes whose SHA-256 the metadata announced. Instagram
 * attachments are plain CDN URLs fetched without a token (§3.3 [O]).
 */
export class MediaRoutes {
  constructor(private readonly core: SimCore) {}

  /** Step 2 of §2.7; `file_size` is a string, key order as in Meta's sample. */
  describe(request: SimRequest, id: string): SimResponse {
    const knobs = this.core.knobs.whatsapp;
    checkToken('whatsapp', request, knobs.accessToken, knobs.tokenExpired);
    const item = this.core.media.get(id);
    // Expired (7 / 30 days) and unknown ids look the same: the object no longer exists (case 25).
    if (!item) throw objectNotFound('whatsapp', id, 'GET');
    return {
      status: 200,
      body: {
        messaging_product: 'whatsapp',
        url: this.core.media.issueUrl(id, this.core.baseUrl()),
        mime_type: item.mimeType,
        sha256: item.sha256,
        file_size: String(item.fileSize),
        id: item.id,
      },
    };
  }

  remove(request: SimRequest, id: string): SimResponse {
    const knobs = this.core.knobs.whatsapp;
    checkToken('whatsapp', request, knobs.accessToken, knobs.tokenExpired);
    if (!this.core.media.get(id)) throw objectNotFound('whatsapp', id, 'DELETE');
    this.core.media.delete(id);
    return { status: 200, body: { success: true } };
  }

  /** Step 3 of §2.7: bearer required (status [U], knob), URL valid `urlTtlMs` (expired → knob status). */
  download(request: SimRequest): SimResponse {
    const knobs = this.core.knobs;
    if (presentedToken(request) !== knobs.whatsapp.accessToken || knobs.whatsapp.tokenExpired) {
      return { status: knobs.media.unauthenticatedStatus, body: 'Unauthorized', contentType: 'text/plain' };
    }
    const resolved = this.core.media.resolveUrl(request.query.get('hash') ?? '');
    if (!resolved || !resolved.media) return { status: 404, body: 'Not Found', contentType: 'text/plain' };
    if (resolved.expired) return { status: knobs.media.expiredUrlStatus, body: 'URL expired', contentType: 'text/plain' };
    return {
      status: 200,
      body: resolved.media.bytes,
      contentType: resolved.media.mimeType,
      headers: resolved.media.filename ? { 'content-disposition': `attachment; filename="${resolved.media.filename}"` } : {},
    };
  }

  /** Instagram CDN: no token; an expired signed URL answers 403 like Meta's CDN [U]. */
  cdn(request: SimRequest): SimResponse {
    const asset = this.core.media.resolveCdn(request.query.get('asset_id') ?? '');
    if (!asset) return { status: 404, body: 'Not Found', contentType: 'text/plain' };
    if (asset === 'expired') return { status: 403, body: 'URL signature expired', contentType: 'text/plain' };
    return { status: 200, body: asset.bytes, contentType: asset.mimeType };
  }
}
