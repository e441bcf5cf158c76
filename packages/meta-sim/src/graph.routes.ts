import type { InstagramWebhooks } from './channel.webhooks.ts';
import type { InstagramGraphRoutes } from './graph-instagram.routes.ts';
import type { MediaRoutes } from './graph-media.routes.ts';
import type { WhatsAppGraphRoutes } from './graph-whatsapp.routes.ts';
import { GraphError, graphError, objectNotFound } from './graph-errors.ts';
import { assertVersion, checkToken, presentedToken } from './graph.common.ts';
import { Router, type SimRequest, type SimResponse } from './http.router.ts';
import type { IgAccount, WaPhoneNumber } from './knobs.ts';
import { IG_CDN_PATH, WA_MEDIA_PATH } from './media.store.ts';
import type { SimCore } from './sim.core.ts';

/**
 * One host serves both Graph flavours (graph.facebook.com and graph.instagram.com, §3.1): a path id
 * is routed to WhatsApp when it is a configured phone number / WABA, to Instagram when it is `me`, an
 * IG account or its Page. `GET /{id}` is shared by media (§2.7) and profiles (§3.7); the token decides.
 */

export interface GraphRouteParts {
  core: SimCore;
  whatsapp: WhatsAppGraphRoutes;
  instagram: InstagramGraphRoutes;
  media: MediaRoutes;
  instagramWebhooks: InstagramWebhooks;
}

export function buildGraphRouter(parts: GraphRouteParts): Router {
  const { core, whatsapp, instagram, media } = parts;
  const phone = (id: string): WaPhoneNumber | undefined => core.knobs.whatsapp.phoneNumbers.find((p) => p.phoneNumberId === id);
  const account = (id: string): IgAccount | undefined =>
    id === 'me' ? core.knobs.instagram.accounts[0] : core.knobs.instagram.accounts.find((a) => a.igId === id || a.pageId === id);
  const versioned = (channel: 'whatsapp' | 'instagram', request: SimRequest) => assertVersion(channel, request.params.version, request.path);

  return new Router()
    .add('GET', '/health', () => ({ status: 200, body: { ok: true } }))
    .add('GET', WA_MEDIA_PATH, (r) => media.download(r))
    .add('GET', IG_CDN_PATH, (r) => media.cdn(r))
    .add('POST', '/:version/:id/messages', (r) => {
      const id = r.params.id as string;
      const wa = phone(id);
      if (wa) {
        versioned('whatsapp', r);
        return whatsapp.messages(r, wa);
      }
      const ig = account(id);
      if (ig) {
        versioned('instagram', r);
        return instagram.messages(r, ig);
      }
      throw objectNotFound(presentedToken(r) === core.knobs.instagram.accessToken ? 'instagram' : 'whatsapp', id, 'POST');
    })
    .add('POST', '/:version/:id/media', (r) => {
      versioned('whatsapp', r);
      if (!phone(r.params.id as string)) throw objectNotFound('whatsapp', r.params.id as string, 'POST');
      return whatsapp.upload(r);
    })
    .add('POST', '/:version/:id/subscribed_apps', (r) => subscription(parts, r, true))
    .add('DELETE', '/:version/:id/subscribed_apps', (r) => subscription(parts, r, false))
    .add('GET', '/:version/:id/subscribed_apps', (r) => subscription(parts, r, undefined))
    .add('GET', '/:version/:id', (r) => {
      const id = r.params.id as string;
      if (presentedToken(r) === core.knobs.instagram.accessToken) {
        versioned('instagram', r);
        return instagram.profile(r, id);
      }
      versioned('whatsapp', r);
      return media.describe(r, id);
    })
    .add('DELETE', '/:version/:id', (r) => {
      versioned('whatsapp', r);
      return media.remove(r, r.params.id as string);
    });
}

/**
 * §2.1 / §3.1: `/{waba-id}/subscribed_apps` and `/me/subscribed_apps`. Re-subscribing is how an
 * Instagram account recovers after Meta disabled webhooks for an hour of failures (§3.5, case 50).
 */
function subscription(parts: GraphRouteParts, request: SimRequest, subscribe: boolean | undefined): SimResponse {
  const { core, instagramWebhooks } = parts;
  const id = request.params.id as string;
  const isWaba = core.knobs.whatsapp.phoneNumbers.some((p) => p.wabaId === id);
  const isIg = id === 'me' || core.knobs.instagram.accounts.some((a) => a.igId === id || a.pageId === id);
  const channel = isWaba ? 'whatsapp' : 'instagram';
  assertVersion(channel, request.params.version, request.path);
  const knobs = core.knobs[channel];
  checkToken(channel, request, knobs.accessToken, knobs.tokenExpired);
  if (!isWaba && !isIg) throw objectNotFound(channel, id, request.method);
  if (subscribe === undefined) {
    const fields = channel === 'instagram' ? (request.query.get('subscribed_fields') ?? 'messages').split(',') : ['messages'];
    return { status: 200, body: { data: core.state.subscribed[channel] ? [{ id: 'meta-sim-app', name: 'Keluh', subscribed_fields: fields }] : [] } };
  }
  core.state.subscribed[channel] = subscribe;
  if (subscribe && channel === 'instagram') instagramWebhooks.resetFailures();
  return { status: 200, body: { success: true } };
}

/** Graph answers an unknown path with code 2500 and HTTP 400. */
export function graphNotFound(request: SimRequest): SimResponse {
  return { status: 400, body: graphError('instagram', { code: 2500, message: `Unknown path components: ${request.path}` }).body };
}

/** Turns thrown GraphErrors into the §2.9 / §3.8 envelope and records the rejection for assertions. */
export function graphErrorResponse(core: SimCore, error: unknown, request: SimRequest): SimResponse {
  if (!(error instanceof GraphError)) {
    core.log(`[graph] internal error on ${request.method} ${request.path}: ${String(error)}`);
    return { status: 500, body: graphError('whatsapp', { code: 2, details: 'meta-sim internal error' }).body };
  }
  const status = core.knobs.httpStatusByCode[error.code] ?? error.httpStatus;
  const parsed = parseForLog(request.body);
  core.state.rejected.push({
    channel: error.channel,
    method: request.method,
    path: request.path,
    httpStatus: status,
    code: error.code,
    ...(error.body.error.error_subcode !== undefined && { subcode: error.body.error.error_subcode }),
    request: parsed,
    at: core.now(),
  });
  core.log(`[${error.channel}] ✗ ${request.method} ${request.path} → ${status} code ${error.code}`);
  return { status, body: error.body };
}

function parseForLog(body: Buffer): unknown {
  if (body.length === 0) return undefined;
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return body.toString('utf8').slice(0, 200);
  }
}
