import type { IncomingHttpHeaders } from 'node:http';
import { AppError } from '@keluh/core';
import type { OriginPolicy } from './origin-policy.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

interface GuardedRequest {
  method: string;
  headers: IncomingHttpHeaders;
  /** The Host the request arrived for (X-Forwarded-Host when the proxy is trusted). */
  host: string;
}

function refuse(reason: 'cross_origin' | 'origin_missing' | 'content_type', message: string): AppError {
  return new AppError('auth.csrf_rejected', message, { reason });
}

function isJson(contentType: string | undefined): boolean {
  return contentType?.split(';')[0]?.trim().toLowerCase() === 'application/json';
}

/**
 * A change authenticated by the session cookie must come from the console itself. The cookie is
 * SameSite=Lax, which already keeps it off most cross-site requests; this closes what Lax leaves open
 * (same-site subdomains, old browsers, top-level POSTs right after sign-in). A form can send neither a
 * JSON body nor an allowed Origin, and a cross-site fetch that could would need CORS we never grant.
 * Browsers send Origin on every non-GET fetch, so a request without it (or without a same-origin
 * Sec-Fetch-Site) is not the console.
 */
export function assertConsoleRequest(request: GuardedRequest, policy: OriginPolicy): void {
  if (SAFE_METHODS.has(request.method)) return;
  const origin = request.headers.origin;
  if (origin !== undefined) {
    if (!policy.allows(origin, request.host)) throw refuse('cross_origin', `Requests from ${origin} may not use the console session`);
  } else if (request.headers['sec-fetch-site'] !== 'same-origin') {
    throw refuse('origin_missing', 'A cookie-authenticated change must say where it comes from (Origin)');
  }
  if (!isJson(request.headers['content-type'])) throw refuse('content_type', 'A cookie-authenticated change must send application/json');
}

/**
 * Signing in sets the cookie, so a foreign page must not be able to sign a visitor into an account of
 * its choosing (login CSRF). API clients without Origin or Sec-Fetch-Site stay welcome.
 */
export function assertNotCrossSite(request: GuardedRequest, policy: OriginPolicy): void {
  const origin = request.headers.origin;
  const fetchSite = request.headers['sec-fetch-site'];
  if (origin !== undefined ? !policy.allows(origin, request.host) : fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none') {
    throw refuse('cross_origin', 'Signing in to the console is only possible from the console');
  }
}
