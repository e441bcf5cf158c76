import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { healthResponseSchema } from '@keluh/contracts';

const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/healthz',
    { schema: { tags: ['health'], summary: 'Liveness and database check', response: { 200: healthResponseSchema } } },
    async () => {
      // Touching the database proves more than "the process is up".
      await app.services.db.events.latestId();
      return { status: 'ok' as const, uptimeSeconds: Math.round(process.uptime()) };
    },
  );
};

export default healthRoutes;
