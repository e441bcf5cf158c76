import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listAuditLog } from '@keluh/core';
import { auditPageSchema, auditQuerySchema, errorResponseSchema } from '@keluh/contracts';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema };

/** `GET /api/audit`: sensitive actions, newest first, paged by `before`, filtered by action or actor (admins). */
const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', app.requireUser);
  app.get(
    '/',
    {
      config: { permission: 'audit.view' },
      schema: { tags: ['admin'], summary: 'The audit log of sensitive actions (admins)', security: [{ bearer: [] }, { session: [] }], querystring: auditQuerySchema, response: { 200: auditPageSchema, ...errors } },
    },
    async (request) => listAuditLog(app.services.core, request.query),
  );
};

export default auditRoutes;
