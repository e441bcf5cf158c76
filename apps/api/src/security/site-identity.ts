import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { AppError, type Repositories } from '@keluh/core';

/**
 * The site-verified web-chat visitor (docs/customers.md §Identity keys). A site signs its signed-in
 * user as `<payload>.<signature>`: payload = base64url(JSON `{ userId, name?, phone?, email?, exp? }`),
 * signature = hex(HMAC-SHA256(widget identity secret, payload)). Only the site's server holds the secret.
 */
export const WIDGET_IDENTITY_SECRET_KEY = 'widget_identity_secret';
export const DEFAULT_REGION_KEY = 'identity.default_region';

const invalid = (message: string) => new AppError('widget.identity_invalid', message);

/** Generated on first use and kept (sealed) in the settings; setIfAbsent makes two processes agree. */
export async function widgetIdentitySecret(db: Pick<Repositories, 'settings'>): Promise<string> {
  return (await db.settings.get(WIDGET_IDENTITY_SECRET_KEY)) ?? db.settings.setIfAbsent(WIDGET_IDENTITY_SECRET_KEY, newWidgetIdentitySecret());
}

export const newWidgetIdentitySecret = () => randomBytes(32).toString('base64url');

export function signSiteIdentity(claims: Record<string, unknown>, secret: string): string {
  const payload = Buffer.from(JSON.stringify(claims), 'utf8').toString('base64url');
  return `${payload}.${createHmac('sha256', secret).update(payload).digest('hex')}`;
}

/** The payload the site signed, or `widget.identity_invalid`: a forged, altered or malformed token. */
export function verifySiteIdentity(token: string, secret: string): unknown {
  const match = /^([A-Za-z0-9_-]{1,4000})\.([0-9a-f]{64})$/.exec(token);
  if (!match) throw invalid('The signed identity is not in the form <payload>.<hex signature>');
  const [, payload, signature] = match as unknown as [string, string, string];
  const expected = createHmac('sha256', secret).update(payload).digest();
  if (!timingSafeEqual(expected, Buffer.from(signature, 'hex'))) throw invalid('The signed identity does not carry a valid signature');
  try {
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw invalid('The signed identity is not JSON');
  }
}

/**
 * A vouched-for user is the same visitor on every device and browser: their visitor id is derived from
 * the site's user id, so their conversation follows them. It grants nothing by itself (sessions are
 * signed); it only names whose conversation a verified session opens.
 */
export function siteVisitorId(userId: string): string {
  return createHash('sha256').update(`keluh-site-user:${userId}`).digest('hex').slice(0, 32);
}
