import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getBoardSnapshot, teamsInView } from '@keluh/core';
import { boardQuerySchema, boardSnapshotSchema, errorResponseSchema } from '@keluh/contracts';

/** `/api/board`: the supervisor board's first load; everything after it arrives over the socket. */
const boardRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', app.requireUser);
  const { core, presence } = app.services;

  app.get(
    '/',
    {
      config: { permission: 'board.view' },
      schema: {
        tags: ['board'],
        summary: 'The live board snapshot (supervisors)',
        description:
          'Tiles, the queue (first 200 open tickets, unassigned first, then the longest waiting), about to breach, agents, stages and ' +
          'inbound volume of the last 12 hours. `asOfEventId` is read before the sections: replay the socket from it and nothing is missed.',
        security: [{ bearer: [] }, { session: [] }],
        querystring: boardQuerySchema,
        response: { 200: boardSnapshotSchema, 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 503: errorResponseSchema },
      },
    },
    async (request) => getBoardSnapshot({ ...core, presence }, { teamIds: teamsInView(request.user!, request.query.teamId) }),
  );
};

export default boardRoutes;
