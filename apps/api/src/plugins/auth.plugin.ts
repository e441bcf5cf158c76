import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';
import { authenticate, type User } from '@keluh/core';
import { assertConsoleRequest, assertNotCrossSite } from '../security/csrf-guard.ts';

export const SESSION_COOKIE = 'keluh_session';

declare module 'fastify' {
  interface FastifyRequest {
    user: User | null;
  }
  interface FastifyInstance {
    /**
     * onRequest hook for staff-only routes: 401 `auth.unauthenticated` unless a valid session is
     * presented; a change carried by the session cookie must also pass the CSRF check (403).
     */
    requireUser: (request: FastifyRequest) => Promise<void>;
    /** onRequest hook for the sign-in that sets the cookie: refuses other sites' pages (login CSRF). */
    refuseCrossSite: (request: FastifyRequest) => Promise<void>;
  }
}

/**
 * The token of an `Authorization: Bearer <token>` header, for staff sessions and widget visitors alike.
 * Exactly one space and a token68 (RFC 6750): padding spaces or a second word mean a client assembling
 * the header wrongly, or someone probing, and are refused rather than trimmed into a match.
 */
const BEARER = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/i;

export function bearerToken(headers: FastifyRequest['headers']): string | null {
  const header = headers.authorization;
  return typeof header === 'string' ? (BEARER.exec(header)?.[1] ?? null) : null;
}

/** The session token from `Authorization: Bearer …` (API clients) or the httpOnly cookie (the console). */
export function sessionTokenFrom(request: Pick<FastifyRequest, 'headers' | 'cookies'>): string | null {
  return bearerToken(request.headers) ?? request.cookies?.[SESSION_COOKIE] ?? null;
}

export default fp(
  async (app) => {
    const origins = app.services.origins.console;
    app.decorateRequest('user', null);
    app.decorate('requireUser', async (request: FastifyRequest) => {
      const bearer = bearerToken(request.headers);
      // A bearer token is never sent by a browser on its own, so only cookie sessions need the CSRF check.
      if (!bearer && request.cookies?.[SESSION_COOKIE]) assertConsoleRequest(request, origins);
      request.user = await authenticate(app.services.auth, sessionTokenFrom(request));
    });
    app.decorate('refuseCrossSite', async (request: FastifyRequest) => assertNotCrossSite(request, origins));
  },
  { name: 'auth', dependencies: ['@fastify/cookie'] },
);
