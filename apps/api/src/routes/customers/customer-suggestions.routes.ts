import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { confirmSuggestion, listTicketSuggestions, rejectSuggestion } from '@keluh/core';
import { confirmSuggestionResponseSchema, customerSuggestionSchema, errorResponseSchema, idSchema, suggestionIdParamsSchema, ticketSuggestionSchema } from '@keluh/contracts';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema };
const security: { [label: string]: string[] }[] = [{ bearer: [] }, { session: [] }];
const decide = { permission: 'customers.merge', ticketOf: 'suggestion' } as const;

/** Probable matches on a ticket (docs/customers.md §Suggestions): the agent confirms (a merge) or rejects. */
const customerSuggestionsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', app.requireUser);
  const { core } = app.services;
  const actorOf = async (request: Parameters<typeof app.ticketScopeOf>[0]) => ({ userId: request.user!.id, scope: await app.ticketScopeOf(request) });

  app.get(
    '/tickets/:id/suggestions',
    {
      schema: {
        tags: ['customers'],
        summary: 'Customers who may be the same person as this ticket’s, waiting for a decision',
        security,
        params: z.object({ id: idSchema }),
        response: { 200: z.object({ items: z.array(ticketSuggestionSchema) }), ...errors },
      },
    },
    async (request) => ({ items: await listTicketSuggestions(core, request.params.id, await app.ticketScopeOf(request)) }),
  );

  app.post(
    '/suggestions/:id/confirm',
    {
      config: decide,
      schema: {
        tags: ['customers'],
        summary: 'Confirm a suggestion: the ticket’s customer is merged into the candidate (undoable)',
        description: 'Errors: suggestion.not_found, suggestion.decided, customer.already_merged.',
        security,
        params: suggestionIdParamsSchema,
        response: { 200: confirmSuggestionResponseSchema, ...errors },
      },
    },
    async (request) => confirmSuggestion(core, { suggestionId: request.params.id, actor: await actorOf(request) }),
  );

  app.post(
    '/suggestions/:id/reject',
    {
      config: decide,
      schema: {
        tags: ['customers'],
        summary: 'Reject a suggestion: the pair is never suggested again',
        description: 'Errors: suggestion.not_found, suggestion.decided.',
        security,
        params: suggestionIdParamsSchema,
        response: { 200: customerSuggestionSchema, ...errors },
      },
    },
    async (request) => rejectSuggestion(core, { suggestionId: request.params.id, actor: await actorOf(request) }),
  );
};

export default customerSuggestionsRoutes;
