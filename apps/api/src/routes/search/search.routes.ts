import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { searchEverything } from '@keluh/core';
import { errorResponseSchema, searchQuerySchema, searchResultsSchema } from '@keluh/contracts';

/**
 * `/api/search`: the console's search box. No permission beyond being staff (working tickets needs none);
 * what a user may see is their ticket scope, applied inside the index's queries.
 */
const searchRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', app.requireUser);
  const { core } = app.services;

  app.get(
    '/',
    {
      schema: {
        tags: ['search'],
        summary: 'Search messages, customers and ticket subjects in your scope',
        description:
          'Every word must match, in any of its Indonesian affixed forms ("paket" finds "paketnya", "dikirim" finds "kirim"); customers also by the ' +
          'start of a name, email or @username, and by phone typed any way (0812…, 62812…, +62 812-…). Results are grouped by kind, best first.',
        security: [{ bearer: [] }, { session: [] }],
        querystring: searchQuerySchema,
        response: { 200: searchResultsSchema, 400: errorResponseSchema, 401: errorResponseSchema },
      },
    },
    async (request) => searchEverything(core, { ...request.query, scope: await app.ticketScopeOf(request) }),
  );
};

export default searchRoutes;
