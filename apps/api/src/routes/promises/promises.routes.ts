import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { settlePromise } from '@keluh/core';
import { errorResponseSchema, promiseIdParamsSchema, promiseSchema, settlePromiseBodySchema } from '@keluh/contracts';
const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema };

const promisesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', app.requireUser);
  const { core } = app.services;

  app.patch(
    '/:id',
    {
      config: { ticketOf: 'promise' },
      schema: {
        tags: ['cases'],
        summary: 'Record a promise as kept, broken or cancelled (once)',
        description: 'A promise settled already: 409 promise.settled.',
        security: [{ bearer: [] }, { session: [] }],
        params: promiseIdParamsSchema,
        body: settlePromiseBodySchema,
        response: { 200: promiseSchema, ...errors },
      },
    },
    async (request) => settlePromise(core, { promiseId: request.params.id, state: request.body.state, byUserId: request.user!.id }),
  );
};

export default promisesRoutes;
