import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { closeRecoveryTask, listRecoveryTasks } from '@keluh/core';
import { closeRecoveryTaskBodySchema, errorResponseSchema, idSchema, recoveryTaskSchema, recoveryTasksQuerySchema } from '@keluh/contracts';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema };
const manage = { permission: 'recovery.manage' } as const;

/** Low scores turned into work: supervisors call the customer back and close the task with what they did. */
const recoveryRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', app.requireUser);
  const { core } = app.services;

  app.get(
    '/',
    {
      config: manage,
      schema: {
        tags: ['recovery'],
        summary: 'Recovery tasks, newest first',
        security: [{ bearer: [] }, { session: [] }],
        querystring: recoveryTasksQuerySchema,
        response: { 200: z.object({ items: z.array(recoveryTaskSchema) }), ...errors },
      },
    },
    async (request) => ({ items: await listRecoveryTasks(core, { state: request.query.state, scope: await app.ticketScopeOf(request) }) }),
  );

  app.post(
    '/:id/close',
    {
      config: { ...manage, ticketOf: 'recovery_task' },
      schema: {
        tags: ['recovery'],
        summary: 'Close a recovery task with what was done',
        description: 'Unknown: recovery.not_found; closed already: recovery.closed.',
        security: [{ bearer: [] }, { session: [] }],
        params: z.object({ id: idSchema }),
        body: closeRecoveryTaskBodySchema,
        response: { 200: recoveryTaskSchema, ...errors },
      },
    },
    async (request) => closeRecoveryTask(core, request.params.id, request.body.note, request.user!.id),
  );
};

export default recoveryRoutes;
