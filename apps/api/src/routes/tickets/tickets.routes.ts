import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyBaseLogger } from 'fastify';
import { getTicketDetail, listTickets, markTicketRead, replyToTicket, replyWindow, updateTicket } from '@keluh/core';
import {
  errorResponseSchema,
  listTicketsQuerySchema,
  messageSchema,
  replyBodySchema,
  ticketDetailSchema,
  ticketIdParamsSchema,
  ticketPageSchema,
  ticketViewSchema,
  updateTicketBodySchema,
} from '@keluh/contracts';

/** §2.10: read receipts only within 30 days of receipt. */
const READ_RECEIPT_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 404: errorResponseSchema };

const ticketsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', app.requireUser);
  const { core } = app.services;

  app.get(
    '/',
    {
      schema: {
        tags: ['tickets'],
        summary: 'List tickets, newest activity first',
        security: [{ bearer: [] }, { session: [] }],
        querystring: listTicketsQuerySchema,
        response: { 200: ticketPageSchema, ...errors },
      },
    },
    async (request) => {
      const { status, channel, assigneeId, customerType, characteristic, limit, cursor } = request.query;
      // Read the log position first: anything committed after it is replayed by the socket sync.
      const lastEventId = await core.db.events.latestId();
      const page = await listTickets(core, {
        scope: await app.ticketScopeOf(request),
        ...(status ? { status } : {}),
        ...(channel ? { channel } : {}),
        ...(customerType ? { customerType } : {}),
        ...(characteristic ? { characteristic } : {}),
        ...(assigneeId !== undefined ? { assigneeId: assigneeId === 'none' ? null : assigneeId } : {}),
        limit,
        cursor: cursor ?? null,
      });
      return { ...page, lastEventId };
    },
  );

  app.get(
    '/:id',
    {
      schema: {
        tags: ['tickets'],
        summary: 'One ticket with its customer and timeline',
        security: [{ bearer: [] }, { session: [] }],
        params: ticketIdParamsSchema,
        response: { 200: ticketDetailSchema, ...errors },
      },
    },
    async (request) => {
      const lastEventId = await core.db.events.latestId();
      const detail = await getTicketDetail(core, request.params.id);
      return { ...detail, window: await replyWindow(core.db, detail.ticket, core.clock.now()), lastEventId };
    },
  );

  app.post(
    '/:id/messages',
    {
      schema: {
        tags: ['tickets'],
        summary: "Reply to the customer on the ticket's channel",
        security: [{ bearer: [] }, { session: [] }],
        params: ticketIdParamsSchema,
        body: replyBodySchema,
        response: { 201: messageSchema, 409: errorResponseSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { body, template, automated, seenMessageId, force, identityId } = request.body;
      const message = await replyToTicket(core, {
        ticketId: request.params.id,
        authorUserId: request.user!.id,
        body,
        template: template ?? null,
        automated: automated ?? false,
        seenMessageId: seenMessageId ?? null,
        force: force === true,
        identityId: identityId ?? null,
      });
      return reply.status(201).send({ ...message, authorName: request.user!.name });
    },
  );

  app.patch(
    '/:id',
    {
      schema: {
        tags: ['tickets'],
        summary: 'Change status, priority or assignee',
        security: [{ bearer: [] }, { session: [] }],
        params: ticketIdParamsSchema,
        body: updateTicketBodySchema,
        response: { 200: ticketViewSchema, ...errors },
      },
    },
    async (request) => updateTicket(core, request.params.id, request.body, request.user!),
  );

  app.post(
    '/:id/read',
    {
      schema: {
        tags: ['tickets'],
        summary: 'Mark the customer messages as read by the team',
        security: [{ bearer: [] }, { session: [] }],
        params: ticketIdParamsSchema,
        response: { 200: ticketViewSchema, ...errors },
      },
    },
    async (request) => {
      const ticketId = request.params.id;
      const before = await core.db.tickets.findById(ticketId);
      const view = await markTicketRead(core, ticketId);
      // After the commit and never awaited: blue ticks are a courtesy to the customer, so a slow or failing
      // Graph call must neither delay nor fail the agent (case 46). Only when something was unread, so
      // re-opening a ticket does not call Meta again.
      if (before && before.unreadCount > 0) void markWhatsappRead(ticketId, request.log);
      return view;
    },
  );

  /** §2.6: marks the customer's newest WhatsApp message read (earlier ones follow); Meta allows 30 days. */
  async function markWhatsappRead(ticketId: number, log: FastifyBaseLogger): Promise<void> {
    try {
      const adapter = app.services.channels.whatsapp();
      if (!adapter) return;
      const newest = (await core.db.messages.listForTicket(ticketId)).filter((m) => m.direction === 'in' && m.channel === 'whatsapp' && m.externalId).at(-1);
      if (!newest?.externalId || Date.parse(core.clock.now()) - Date.parse(newest.sentAt) > READ_RECEIPT_MAX_AGE_MS) return;
      const result = await adapter.markRead(newest.externalId);
      if (!result.ok) log.warn({ ticketId, wamid: newest.externalId, reason: result.reason }, 'WhatsApp mark-as-read failed');
    } catch (error) {
      log.warn({ err: error, ticketId }, 'WhatsApp mark-as-read failed');
    }
  }
};

export default ticketsRoutes;
