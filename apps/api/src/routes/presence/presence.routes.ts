import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponseSchema, presenceResponseSchema } from '@keluh/contracts';

const presenceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', app.requireUser);
  app.get(
    '/',
    {
      schema: {
        tags: ['users'],
        summary: 'Staff online now',
        description:
          'Who has the console open, over every API process: a user is listed while at least one of their /agent sockets ' +
          'is connected anywhere. A process that died without closing its sockets drops out within PRESENCE_TTL. ' +
          'With REDIS_URL set and Redis unreachable: 503 `presence.unavailable`.',
        security: [{ bearer: [] }, { session: [] }],
        response: { 200: presenceResponseSchema, 401: errorResponseSchema, 503: errorResponseSchema },
      },
    },
    async () => ({ items: await app.services.presence.list() }),
  );
};

export default presenceRoutes;
