import { readSiteClaims, recordSiteVisitor, refreshVisitorSession, startVisitorSession, upgradeLegacyVisitor, type VisitorGrant } from '@keluh/core';
import type { Services } from '../services.ts';
import { DEFAULT_REGION_KEY, siteVisitorId, verifySiteIdentity, widgetIdentitySecret } from './site-identity.ts';

export interface WidgetSessionRequest {
  refreshToken?: string | undefined;
  /** A pre-session `v1.` token from a widget that has not run since sessions were introduced. */
  visitorToken?: string | undefined;
  /** The site's signed user (site-identity.ts): a verified visitor, the same one on every device. */
  identity?: string | undefined;
}

/**
 * POST /api/widget/sessions: within the limits, a refresh (same visitor, new pair), the one-time upgrade
 * of a pre-session token, or a new visitor.
 */
export async function openWidgetSession(services: Services, request: WidgetSessionRequest, address: string): Promise<VisitorGrant> {
  const { visitorAuth, widgetLimits } = services;
  const { credentials } = visitorAuth;
  const credentialKey = request.refreshToken
    ? (credentials.readRefresh(request.refreshToken)?.sessionId ?? null)
    : request.visitorToken
      ? credentials.readLegacy(request.visitorToken)
      : null;
  await widgetLimits.session(address, credentialKey);
  // A signed user opens their own conversation whatever else is presented; a bad signature stores nothing.
  if (request.identity !== undefined) return openVerifiedSession(services, request.identity);
  if (request.refreshToken !== undefined) return refreshVisitorSession(visitorAuth, request.refreshToken);
  if (request.visitorToken !== undefined) return upgradeLegacyVisitor(visitorAuth, request.visitorToken);
  return startVisitorSession(visitorAuth);
}

async function openVerifiedSession(services: Services, token: string): Promise<VisitorGrant> {
  const { db } = services.core;
  const payload = verifySiteIdentity(token, await widgetIdentitySecret(db));
  const claims = readSiteClaims(payload, (await db.settings.get(DEFAULT_REGION_KEY)) ?? 'ID', services.core.clock.now());
  const visitorId = siteVisitorId(claims.userId);
  await recordSiteVisitor(services.core, visitorId, claims);
  return startVisitorSession(services.visitorAuth, visitorId);
}
