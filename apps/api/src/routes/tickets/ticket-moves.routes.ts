import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listTicketMoves, mergeTargetsOf, mergeTickets, splitTicket, undoTicketMove } from '@keluh/core';
import {
  errorResponseSchema,
  mergeTargetListSchema,
  mergeTicketBodySchema,
  splitTicketBodySchema,
  ticketIdParamsSchema,
  ticketMoveListSchema,
  ticketMoveParamsSchema,
  ticketMoveResultSchema,
} from '@keluh/contracts';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema };
const staffSecurity: Record<string, string[]>[] = [{ bearer: [] }, { session: [] }];
const docs = (summary: string) => ({ tags: ['tickets'], summary, security: staffSecurity });

/** Ticket merge, split and their undo (docs/customers.md §Threading): any agent who sees both tickets. */
const ticketMovesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', app.requireUser);
  const { core } = app.services;

  app.post(
    '/tickets/:id/merge',
    { schema: { ...docs('Merge this ticket into another of the same customer'), params: ticketIdParamsSchema, body: mergeTicketBodySchema, response: { 200: ticketMoveResultSchema, ...errors } } },
    async (request) => mergeTickets(core, { ticketId: request.params.id, intoTicketId: request.body.intoTicketId, actorUserId: request.user!.id, scope: await app.ticketScopeOf(request) }),
  );

  app.post(
    '/tickets/:id/split',
    { schema: { ...docs('Split the chosen messages into a new ticket of the same customer'), params: ticketIdParamsSchema, body: splitTicketBodySchema, response: { 200: ticketMoveResultSchema, ...errors } } },
    async (request) => splitTicket(core, { ticketId: request.params.id, messageIds: request.body.messageIds, actorUserId: request.user!.id }),
  );

  app.get(
    '/tickets/:id/moves',
    { schema: { ...docs('The merges and splits this ticket took part in, newest first'), params: ticketIdParamsSchema, response: { 200: ticketMoveListSchema, ...errors } } },
    async (request) => ({ items: await listTicketMoves(core, request.params.id) }),
  );

  app.get(
    '/tickets/:id/merge-targets',
    { schema: { ...docs('The same customer’s other tickets this one may be merged into'), params: ticketIdParamsSchema, response: { 200: mergeTargetListSchema, ...errors } } },
    async (request) => {
      const targets = await mergeTargetsOf(core, request.params.id, await app.ticketScopeOf(request));
      return { items: targets.map(({ id, subject, status, lastMessageAt }) => ({ id, subject, status, lastMessageAt })) };
    },
  );

  app.post(
    '/ticket-moves/:id/undo',
    {
      config: { ticketOf: 'ticket_move' },
      schema: { ...docs('Undo a merge or split exactly'), params: ticketMoveParamsSchema, response: { 200: ticketMoveResultSchema, ...errors } },
    },
    async (request) => undoTicketMove(core, { moveId: request.params.id, actorUserId: request.user!.id }),
  );
};

export default ticketMovesRoutes;
