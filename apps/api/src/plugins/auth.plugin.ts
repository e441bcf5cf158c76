import fp from 'fastify-plugin';
import type { FastifyRequest, onRequestHookHandler } from 'fastify';
import { assertCan, authenticate, type Permission, type User } from '@keluh/core';
import { assertConsoleRequest, assertNotCrossSite } from '../security/csrf-guard.ts';

export const SESSION_COOKIE = 'keluh_session';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * What the route needs beyond a staff session (core's policy). Checked right after the session is
     * read and before the body is validated, so someone without it learns nothing about the expected shape.
     */
    permission?: Permission;
    /** Declares a route under /api that needs no staff session: open to anyone, or guarded by a visitor's token. */
    public?: boolean;
  }
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
    /** What each route declared about who may call it, as registered: the record the access tests audit. */
    accessDeclarations: readonly AccessDeclaration[];
  }
}

export interface AccessDeclaration {
  method: string;
  url: string;
  permission: Permission | null;
  public: boolean;
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
    // The one enforcement point of `config.permission`. Route-level onRequest hooks run after the
    // plugin-level ones, so a plugin's requireUser has read the session by now; a route that declares a
    // permission without one reads it here.
    const declarations: AccessDeclaration[] = [];
    app.decorate('accessDeclarations', declarations);
    app.addHook('onRoute', (route) => {
      const permission = route.config?.permission;
      for (const method of [route.method].flat()) declarations.push({ method, url: route.url, permission: permission ?? null, public: route.config?.public === true });
      if (!permission) return;
      const enforce: onRequestHookHandler = async (request) => {
        if (!request.user) await app.requireUser(request);
        assertCan(request.user, permission);
      };
      const existing = route.onRequest === undefined ? [] : Array.isArray(route.onRequest) ? route.onRequest : [route.onRequest];
      route.onRequest = [...existing, enforce];
    });
  },
  { name: 'auth', dependencies: ['@fastify/cookie'] },
);
