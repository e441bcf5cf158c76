import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listPresence } from '@keluh/core';
import { errorResponseSchema, presenceChoiceBodySchema, presenceMeResponseSchema, presenceResponseSchema } from '@keluh/contracts';

const presenceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', app.requireUser);
  app.get(
    '/',
    {
      schema: {
        tags: ['users'],
        summary: 'Staff presence',
        description:
          'Everyone seen since the API processes started, with their effective status: their manual choice combined with their ' +
          'console sockets over every process (offline once the last one has been closed for PRESENCE_GRACE_SECONDS, away when ' +
          'idle past the setting `presence.idle_away_minutes`). With REDIS_URL set and Redis unreachable: 503 `presence.unavailable`.',
        security: [{ bearer: [] }, { session: [] }],
        response: { 200: presenceResponseSchema, 401: errorResponseSchema, 503: errorResponseSchema },
      },
    },
    async () => ({ items: await listPresence({ ...app.services.core, presence: app.services.presence }) }),
  );

  app.put(
    '/me',
    {
      schema: {
        tags: ['users'],
        summary: 'Choose my status',
        description:
          'The manual online / away / offline toggle. The effective status follows it while the console is connected; away and ' +
          'offline agents are never assigned tickets automatically. Announced as `presence.updated` when it changes.',
        security: [{ bearer: [] }, { session: [] }],
        body: presenceChoiceBodySchema,
        response: { 200: presenceMeResponseSchema, 400: errorResponseSchema, 401: errorResponseSchema, 503: errorResponseSchema },
      },
    },
    async (request) => ({ presence: await app.services.presenceMonitor.choose(request.user!.id, request.body.status) }),
  );
};

export default presenceRoutes;
