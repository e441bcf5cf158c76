import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { addCustomerNote, getCustomerProfile, updateCustomerProfile } from '@keluh/core';
import { createCustomerNoteBodySchema, customerIdParamsSchema, customerNoteSchema, customerProfileSchema, customerSchema, errorResponseSchema, updateCustomerBodySchema } from '@keluh/contracts';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 404: errorResponseSchema };
const staffSecurity: Record<string, string[]>[] = [{ bearer: [] }, { session: [] }];
const docs = (summary: string) => ({ tags: ['customers'], summary, security: staffSecurity });

/**
 * `/api/customers/:id…`: a customer is seen through their tickets, so every route answers 404
 * `customer.not_found` when none of the customer's tickets is in the user's scope (customer-scope.ts).
 */
const customersRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', app.requireUser);
  const { core } = app.services;

  app.get(
    '/:id/profile',
    { schema: { ...docs('Identities, tickets across channels, CSAT history, notes and custom attributes'), params: customerIdParamsSchema, response: { 200: customerProfileSchema, ...errors } } },
    async (request) => getCustomerProfile(core, request.params.id, await app.ticketScopeOf(request)),
  );

  app.patch(
    '/:id',
    {
      schema: {
        ...docs("Set the type, the characteristic (an agent's choice stands over suggestions) or custom attributes"),
        params: customerIdParamsSchema,
        body: updateCustomerBodySchema,
        response: { 200: customerSchema, ...errors },
      },
    },
    async (request) =>
      updateCustomerProfile(core, { customerId: request.params.id, patch: request.body, actorUserId: request.user!.id, scope: await app.ticketScopeOf(request) }),
  );

  app.post(
    '/:id/notes',
    { schema: { ...docs('Add a note to the customer (staff only)'), params: customerIdParamsSchema, body: createCustomerNoteBodySchema, response: { 201: customerNoteSchema, ...errors } } },
    async (request, reply) => {
      const note = await addCustomerNote(core, { customerId: request.params.id, body: request.body.body, authorUserId: request.user!.id, scope: await app.ticketScopeOf(request) });
      return reply.status(201).send(note);
    },
  );
};

export default customersRoutes;
