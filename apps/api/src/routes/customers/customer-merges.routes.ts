import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { customerMergeHistory, mergeCustomers, unmergeCustomers } from '@keluh/core';
import {
  customerIdParamsSchema,
  customerMergeIdParamsSchema,
  customerMergeSchema,
  errorResponseSchema,
  mergeCustomerBodySchema,
  mergeHistoryEntrySchema,
} from '@keluh/contracts';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema };
const merge = { permission: 'customers.merge' } as const;
const security: { [label: string]: string[] }[] = [{ bearer: [] }, { session: [] }];

/**
 * One customer across channels (docs/customers.md §Links). A customer is seen through their tickets:
 * the use cases answer 404 `customer.not_found` for one none of whose tickets the user may see.
 */
const customerMergesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', app.requireUser);
  const { core } = app.services;
  const actorOf = async (request: Parameters<typeof app.ticketScopeOf>[0]) => ({ userId: request.user!.id, scope: await app.ticketScopeOf(request) });

  app.get(
    '/customers/:id/history',
    {
      schema: {
        tags: ['customers'],
        summary: "The customer's merges and their undos, newest first",
        security,
        params: customerIdParamsSchema,
        response: { 200: z.object({ items: z.array(mergeHistoryEntrySchema) }), ...errors },
      },
    },
    async (request) => ({ items: await customerMergeHistory(core, request.params.id, await app.ticketScopeOf(request)) }),
  );

  app.post(
    '/customers/:id/merge',
    {
      config: merge,
      schema: {
        tags: ['customers'],
        summary: 'Merge this customer into another (undoable)',
        description:
          'Identities and tickets move to `intoCustomerId`; two active tickets fold into one. Errors: customer.merge_self, customer.not_found, customer.already_merged.',
        security,
        params: customerIdParamsSchema,
        body: mergeCustomerBodySchema,
        response: { 200: customerMergeSchema, ...errors },
      },
    },
    async (request) => mergeCustomers(core, { survivorId: request.body.intoCustomerId, mergedId: request.params.id, actor: await actorOf(request) }),
  );

  app.post(
    '/customer-merges/:id/undo',
    {
      config: merge,
      schema: {
        tags: ['customers'],
        summary: 'Undo a merge exactly',
        description: 'Errors: customer.merge_not_found, customer.merge_undone (undone already), customer.merge_not_latest (undo the later merge first).',
        security,
        params: customerMergeIdParamsSchema,
        response: { 200: customerMergeSchema, ...errors },
      },
    },
    async (request) => unmergeCustomers(core, { mergeId: request.params.id, actor: await actorOf(request) }),
  );
};

export default customerMergesRoutes;
