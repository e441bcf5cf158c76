import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';

/**
 * Widget visitors are anonymous, so their token is self-contained: `v1.<visitorId>.<hmac>`. Only the
 * server can mint one, which is what stops a browser from posting as someone else's visitor id.
 */
export interface VisitorTokens {
  issue(visitorId?: string): { visitorId: string; visitorToken: string };
  verify(token: unknown): string | null;
}

export function createVisitorTokens(secret: string): VisitorTokens {
  const sign = (visitorId: string) => createHmac('sha256', secret).update(`visitor:${visitorId}`).digest('base64url');
  return {
    issue(visitorId = randomUUID().replaceAll('-', '')) {
      return { visitorId, visitorToken: `v1.${visitorId}.${sign(visitorId)}` };
    },
    verify(token) {
      if (typeof token !== 'string' || token.length > 300) return null;
      const [version, visitorId, signature] = token.split('.');
      if (version !== 'v1' || !visitorId || !signature || !/^[a-f0-9]{32}$/.test(visitorId)) return null;
      const expected = Buffer.from(sign(visitorId));
      const given = Buffer.from(signature);
      return expected.length === given.length && timingSafeEqual(expected, given) ? visitorId : null;
    },
  };
}
