import { normaliseEmail, toE164 } from '../customers/identity-keys.rules.ts';
import { AppError } from '../shared/errors.ts';
import type { Instant } from '../shared/instant.ts';

/**
 * What a site vouches for about its signed-in user (docs/customers.md §Identity keys, web chat): it signs
 * `{ userId, name?, phone?, email?, exp? }` with HMAC-SHA256 under the widget identity secret. The signature
 * is checked by the API (it holds the secret); these are the claims once it held. `exp` (seconds since the
 * epoch, as in a JWT) bounds how long a token copied out of a page can open that user's conversation.
 */
export interface SiteVisitorClaims {
  userId: string;
  name: string | null;
  /** E.164. */
  phone: string | null;
  /** Normalised. */
  email: string | null;
}

const invalid = (message: string, field?: string) => new AppError('widget.identity_invalid', message, field ? { field } : {});

/** Reads the signed payload; anything the site sent wrongly refuses the whole identity (nothing half-trusted). */
export function readSiteClaims(payload: unknown, region: string, now: Instant): SiteVisitorClaims {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) throw invalid('The signed identity is not an object');
  const { userId, name, phone, email, exp } = payload as Record<string, unknown>;
  if (exp !== undefined) {
    if (typeof exp !== 'number' || !Number.isSafeInteger(exp) || exp <= 0) throw invalid('exp must be whole seconds since 1970 (as in a JWT)', 'exp');
    if (exp * 1000 <= Date.parse(now)) throw new AppError('widget.identity_expired', 'The signed identity has expired: the site signs a fresh one', { expiredAt: new Date(exp * 1000).toISOString() });
  }
  if (typeof userId !== 'string' || userId.trim() === '' || userId.length > 200) throw invalid('The signed identity needs a userId (text, at most 200 characters)', 'userId');
  const optionalText = (value: unknown, field: string, max: number): string | null => {
    if (value === undefined || value === null) return null;
    if (typeof value !== 'string' || value.length > max) throw invalid(`${field} must be text of at most ${max} characters`, field);
    return value.trim() === '' ? null : value.trim();
  };
  const rawPhone = optionalText(phone, 'phone', 40);
  const rawEmail = optionalText(email, 'email', 320);
  const e164 = rawPhone === null ? null : toE164(rawPhone, region);
  if (rawPhone !== null && e164 === null) throw invalid('The signed phone is not a valid number', 'phone');
  const normalised = rawEmail === null ? null : normaliseEmail(rawEmail);
  if (rawEmail !== null && normalised === null) throw invalid('The signed email is not an email address', 'email');
  return { userId: userId.trim(), name: optionalText(name, 'name', 120), phone: e164, email: normalised };
}
