import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { revokeVisitorSessions } from '@keluh/core';
import { errorResponseSchema, visitorIdParamsSchema, visitorRevocationSchema } from '@keluh/contracts';

/**
 * `/api/widget/visitors`: staff end a web-chat visitor's sessions (the visitor id is the web-chat identity
 * on the customer card), e.g. when a customer reports someone else reading their chat on a shared device.
 */
const visitorSessionsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', app.requireUser);

  app.delete(
    '/:visitorId/sessions',
    {
      config: { permission: 'visitors.revoke' },
      schema: {
        tags: ['widget'],
        summary: "End every session of a web-chat visitor (supervisors, admins): their tokens stop working and their chat disconnects",
        description: 'The visitor can start over as a new visitor; their old conversation stays with the customer in the console.',
        security: [{ bearer: [] }],
        params: visitorIdParamsSchema,
        response: { 200: visitorRevocationSchema, 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema },
      },
    },
    async (request) => {
      const revoked = await revokeVisitorSessions(app.services.visitorAuth, request.params.visitorId, 'staff');
      request.log.info({ visitorId: request.params.visitorId, revoked }, 'visitor sessions revoked');
      return { revoked };
    },
  );
};

export default visitorSessionsRoutes;
