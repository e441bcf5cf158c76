import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getTicketSla } from '@keluh/core';
import { errorResponseSchema, ticketIdParamsSchema, ticketSlaSchema } from '@keluh/contracts';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 404: errorResponseSchema };

/** `GET /api/tickets/:id/sla`: the ticket's clocks (first response, next response, resolution) as they stand. */
const ticketSlaRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', app.requireUser);
  const { core } = app.services;
  app.get(
    '/:id/sla',
    { schema: { tags: ['sla'], summary: "A ticket's SLA clocks", security: [{ bearer: [] }, { session: [] }], params: ticketIdParamsSchema, response: { 200: ticketSlaSchema, ...errors } } },
    async (request) => ({ items: await getTicketSla(core, request.params.id) }),
  );
};

export default ticketSlaRoutes;
