import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getTicketStory } from '@keluh/core';
import { errorResponseSchema, ticketIdParamsSchema, ticketStorySchema } from '@keluh/contracts';

/** `/api/tickets/:id/story`: scope-guarded like every route under a ticket (ticket-scope.plugin.ts). */
const ticketStoryRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', app.requireUser);
  const { core } = app.services;

  app.get(
    '/:id/story',
    {
      schema: {
        tags: ['tickets'],
        summary: 'The story so far: facts gathered, stage reached, promises and the last thing said on each channel',
        security: [{ bearer: [] }, { session: [] }],
        params: ticketIdParamsSchema,
        response: { 200: ticketStorySchema, 401: errorResponseSchema, 404: errorResponseSchema },
      },
    },
    async (request) => getTicketStory(core, request.params.id),
  );
};

export default ticketStoryRoutes;
