import { refreshVisitorSession, startVisitorSession, upgradeLegacyVisitor, type VisitorGrant } from '@keluh/core';
import type { Services } from '../services.ts';

export interface WidgetSessionRequest {
  refreshToken?: string | undefined;
  /** A pre-session `v1.` token from a widget that has not run since sessions were introduced. */
  visitorToken?: string | undefined;
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
  if (request.refreshToken !== undefined) return refreshVisitorSession(visitorAuth, request.refreshToken);
  if (request.visitorToken !== undefined) return upgradeLegacyVisitor(visitorAuth, request.visitorToken);
  return startVisitorSession(visitorAuth);
}
