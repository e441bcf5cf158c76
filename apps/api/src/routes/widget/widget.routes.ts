import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { AppError } from '@keluh/core';
import {
  errorResponseSchema,
  widgetConversationSchema,
  widgetSessionBodySchema,
  widgetSessionResponseSchema,
} from '@keluh/contracts';
import { toWidgetMessage } from '../../realtime/visitor-projection.ts';
import { bearerToken } from '../../plugins/auth.plugin.ts';

const widgetRoutes: FastifyPluginAsyncZod = async (app) => {
  const { visitorTokens, db } = app.services;

  const visitorFrom = (request: FastifyRequest): string => {
    const visitorId = visitorTokens.verify(bearerToken(request.headers));
    if (!visitorId) throw new AppError('widget.invalid_visitor_token', 'Visitor token is missing or forged');
    return visitorId;
  };

  app.post(
    '/sessions',
    {
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags: ['widget'],
        summary: 'Start (or resume) a web-chat visitor session',
        body: widgetSessionBodySchema,
        response: { 200: widgetSessionResponseSchema, 400: errorResponseSchema, 401: errorResponseSchema },
      },
    },
    async (request) => {
      const presented = request.body.visitorToken;
      if (presented === undefined) return visitorTokens.issue();
      const visitorId = visitorTokens.verify(presented);
      if (!visitorId) throw new AppError('widget.invalid_visitor_token', 'Visitor token is forged or from another installation');
      return { visitorId, visitorToken: presented };
    },
  );

  app.get(
    '/conversation',
    {
      schema: {
        tags: ['widget'],
        summary: "The visitor's conversation so far",
        security: [{ visitor: [] }],
        response: { 200: widgetConversationSchema, 401: errorResponseSchema },
      },
    },
    async (request) => {
      const visitorId = visitorFrom(request);
      const lastEventId = await db.events.latestId();
      const identity = await db.identities.findByExternalId('webchat', visitorId);
      if (!identity) return { messages: [], lastEventId };
      const tickets = await db.tickets.listForCustomer(identity.customerId);
      const timelines = await Promise.all(tickets.map((ticket) => db.messages.listForTicket(ticket.id)));
      return { messages: timelines.flat().map(toWidgetMessage), lastEventId };
    },
  );
};

export default widgetRoutes;
