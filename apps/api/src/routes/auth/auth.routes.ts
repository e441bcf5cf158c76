import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { login, logout } from '@keluh/core';
import { errorResponseSchema, loginBodySchema, loginResponseSchema, meResponseSchema } from '@keluh/contracts';
import { SESSION_COOKIE, sessionTokenFrom } from '../../plugins/auth.plugin.ts';
import { SESSION_TTL_MS } from '@keluh/core';

const authRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/login',
    {
      // Slow hashing already costs an attacker; the limit stops online guessing from one address.
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with email and password',
        body: loginBodySchema,
        response: { 200: loginResponseSchema, 400: errorResponseSchema, 401: errorResponseSchema, 429: errorResponseSchema },
      },
    },
    async (request, reply) => {
      const session = await login(app.services.auth, request.body);
      reply.setCookie(SESSION_COOKIE, session.token, {
        httpOnly: true,
        sameSite: 'lax',
        path: '/',
        secure: request.protocol === 'https',
        maxAge: Math.floor(SESSION_TTL_MS / 1000),
      });
      return session;
    },
  );

  app.post(
    '/logout',
    { onRequest: app.requireUser, schema: { tags: ['auth'], summary: 'End the current session', security: [{ bearer: [] }] } },
    async (request, reply) => {
      const token = sessionTokenFrom(request);
      if (token) await logout(app.services.auth, token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );

  app.get(
    '/me',
    {
      onRequest: app.requireUser,
      schema: { tags: ['auth'], summary: 'The signed-in user', security: [{ bearer: [] }], response: { 200: meResponseSchema, 401: errorResponseSchema } },
    },
    async (request) => ({ user: request.user! }),
  );
};

export default authRoutes;
