import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listAssignableUsers } from '@keluh/core';
import { errorResponseSchema, usersResponseSchema } from '@keluh/contracts';

const usersRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', app.requireUser);
  app.get(
    '/',
    {
      schema: {
        tags: ['users'],
        summary: 'Active team members (for assignment); deactivated accounts are left out',
        security: [{ bearer: [] }, { session: [] }],
        response: { 200: usersResponseSchema, 401: errorResponseSchema },
      },
    },
    async () => ({ items: await listAssignableUsers(app.services.db) }),
  );
};

export default usersRoutes;
