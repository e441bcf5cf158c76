import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { findSimilarCases, makePromise, suggestPromiseDue } from '@keluh/core';
import {
  createPromiseBodySchema,
  dueSuggestionSchema,
  errorResponseSchema,
  promiseSchema,
  similarCasesQuerySchema,
  similarCasesResponseSchema,
  ticketIdParamsSchema,
} from '@keluh/contracts';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema };
const security: { [scheme: string]: string[] }[] = [{ bearer: [] }, { session: [] }];

/**
 * Stage 3 and 4 on a ticket: similar past cases, the due-time suggestion and making a promise. Any staff
 * member working tickets may use them, so no permission beyond a session.
 */
const ticketCasesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', app.requireUser);
  const { core } = app.services;

  app.get(
    '/:id/similar-cases',
    {
      schema: {
        tags: ['cases'],
        summary: 'Past cases most like this ticket, best first, with what fixed each, how long it took and its rating',
        security,
        params: ticketIdParamsSchema,
        querystring: similarCasesQuerySchema,
        response: { 200: similarCasesResponseSchema, ...errors },
      },
    },
    async (request) => ({ items: await findSimilarCases(core, request.params.id, request.query.limit) }),
  );

  app.get(
    '/:id/promise-suggestion',
    {
      schema: {
        tags: ['cases'],
        summary: 'A realistic due time: now + the 80th percentile of how long similar (else same-category) cases took',
        security,
        params: ticketIdParamsSchema,
        response: { 200: dueSuggestionSchema, ...errors },
      },
    },
    async (request) => suggestPromiseDue(core, request.params.id),
  );

  app.post(
    '/:id/promises',
    {
      schema: {
        tags: ['cases'],
        summary: 'Promise the customer something by a due time; the owner is reminded before it and told when it passes',
        description: 'A due time not in the future: 400 promise.due_in_past. An open promise on the ticket: 409 promise.open_exists.',
        security,
        params: ticketIdParamsSchema,
        body: createPromiseBodySchema,
        response: { 201: promiseSchema, 409: errorResponseSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { text, dueAt, ownerUserId } = request.body;
      const promise = await makePromise(core, { ticketId: request.params.id, text, dueAt, ownerUserId, byUserId: request.user!.id });
      return reply.status(201).send(promise);
    },
  );
};

export default ticketCasesRoutes;
