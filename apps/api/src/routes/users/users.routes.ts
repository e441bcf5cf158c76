import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponseSchema, usersResponseSchema } from '@keluh/contracts';

const usersRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', app.requireUser);
  app.get(
    '/',
    {
      schema: {
        tags: ['users'],
        summary: 'Team members (for assignment)',
        security: [{ bearer: [] }, { session: [] }],
        response: { 200: usersResponseSchema, 401: errorResponseSchema },
      },
    },
    async () => ({ items: await app.services.db.users.list() }),
  );
};

export default usersRoutes;
