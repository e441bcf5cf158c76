import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';
import { authenticate, type User } from '@keluh/core';

export const SESSION_COOKIE = 'keluh_session';

declare module 'fastify' {
  interface FastifyRequest {
    user: User | null;
  }
  interface FastifyInstance {
    /** onRequest hook for staff-only routes: 401 `auth.unauthenticated` unless a valid session is presented. */
    requireUser: (request: FastifyRequest) => Promise<void>;
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
    app.decorateRequest('user', null);
    app.decorate('requireUser', async (request: FastifyRequest) => {
      request.user = await authenticate(app.services.auth, sessionTokenFrom(request));
    });
  },
  { name: 'auth', dependencies: ['@fastify/cookie'] },
);
