import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { login, logout, SESSION_TTL_MS } from '@keluh/core';
import { errorResponseSchema, loginBodySchema, loginResponseSchema, meResponseSchema, tokenResponseSchema } from '@keluh/contracts';
import { SESSION_COOKIE, sessionTokenFrom } from '../../plugins/auth.plugin.ts';

// Slow hashing already costs an attacker; the limit stops online guessing from one address, on both
// sign-in routes together. Per-account lock-out (in core) covers guessing spread over many addresses.
const signInRateLimit = { max: 20, timeWindow: '1 minute', groupId: 'sign-in' };
const signInErrors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 429: errorResponseSchema };

const authRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/login',
    {
      onRequest: app.refuseCrossSite,
      config: { rateLimit: signInRateLimit, public: true },
      schema: {
        tags: ['auth'],
        summary: 'Sign in to the console (session cookie)',
        description:
          'Sets the session as an httpOnly, SameSite=Lax cookie (Secure over https) and answers without the token, so ' +
          'page scripts never see it. Changes made with the cookie must send `Origin` and `application/json`. ' +
          'API clients use POST /api/auth/token instead. After repeated failures the account is locked for a while ' +
          '(`auth.locked`, 429, `details.retryAfterSeconds`), even for the right password.',
        body: loginBodySchema,
        response: { 200: loginResponseSchema, ...signInErrors },
      },
    },
    async (request, reply) => {
      const session = await login(app.services.auth, { ...request.body, address: request.ip });
      reply.setCookie(SESSION_COOKIE, session.token, {
        httpOnly: true,
        sameSite: 'lax',
        path: '/',
        // request.protocol follows X-Forwarded-Proto only from a proxy TRUST_PROXY names.
        secure: request.protocol === 'https',
        maxAge: Math.floor(SESSION_TTL_MS / 1000),
      });
      return { user: session.user, expiresAt: session.expiresAt };
    },
  );

  app.post(
    '/token',
    {
      config: { rateLimit: signInRateLimit, public: true },
      schema: {
        tags: ['auth'],
        summary: 'Get a bearer token for an API client',
        description:
          'For scripts and integrations: answers a session token to send as `Authorization: Bearer <token>` (and as ' +
          '`auth.token` in the /agent socket handshake). Sets no cookie; requests with the bearer header need no CSRF ' +
          'headers. End it with POST /api/auth/logout. Same lock-out as POST /api/auth/login.',
        body: loginBodySchema,
        response: { 200: tokenResponseSchema, ...signInErrors },
      },
    },
    async (request) => {
      const session = await login(app.services.auth, { ...request.body, address: request.ip });
      return { token: session.token, tokenType: 'Bearer' as const, expiresAt: session.expiresAt, user: session.user };
    },
  );

  app.post(
    '/logout',
    {
      onRequest: app.requireUser,
      schema: {
        tags: ['auth'],
        summary: 'End the current session',
        description: 'Also disconnects, at once, every live /agent socket opened with this session.',
        security: [{ bearer: [] }, { session: [] }],
      },
    },
    async (request, reply) => {
      const token = sessionTokenFrom(request);
      if (token) app.endSessionSockets(await logout(app.services.auth, token));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );

  app.get(
    '/me',
    {
      onRequest: app.requireUser,
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user',
        security: [{ bearer: [] }, { session: [] }],
        response: { 200: meResponseSchema, 401: errorResponseSchema },
      },
    },
    async (request) => ({ user: request.user! }),
  );
};

export default authRoutes;
