import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authenticateVisitor } from '@keluh/core';
import {
  errorResponseSchema,
  widgetConversationSchema,
  widgetSessionBodySchema,
  widgetSessionResponseSchema,
} from '@keluh/contracts';
import { toVisitorPromise, toVisitorReview, toWidgetMessage } from '../../realtime/visitor-projection.ts';
import { bearerToken } from '../../plugins/auth.plugin.ts';
import { openWidgetSession } from '../../security/widget-session.ts';

const widgetRoutes: FastifyPluginAsyncZod = async (app) => {
  const { visitorAuth, db } = app.services;

  app.post(
    '/sessions',
    {
      // Anyone may start a web chat: the session it answers is the visitor's credential from then on.
      config: { public: true },
      schema: {
        tags: ['widget'],
        summary: 'Start a web-chat visitor session, or refresh one (same visitor, same conversation)',
        description:
          'Without a credential: a new visitor. With `refreshToken`: a new access/refresh pair for the same visitor; the presented ' +
          'refresh token is spent, and presenting a spent one again ends the session (401 widget.token_revoked). ' +
          'Limited per address and per session: 429 rate_limited with Retry-After.',
        body: widgetSessionBodySchema,
        response: { 200: widgetSessionResponseSchema, 400: errorResponseSchema, 401: errorResponseSchema, 429: errorResponseSchema },
      },
    },
    async (request) => openWidgetSession(app.services, request.body, request.ip),
  );

  app.get(
    '/conversation',
    {
      schema: {
        tags: ['widget'],
        summary: "The visitor's conversation so far",
        description: 'A missing, malformed or forged token: 401 widget.invalid_visitor_token; expired: widget.token_expired (refresh); revoked: widget.token_revoked.',
        security: [{ visitor: [] }],
        response: { 200: widgetConversationSchema, 401: errorResponseSchema },
      },
    },
    async (request) => {
      const { visitorId } = await authenticateVisitor(visitorAuth, bearerToken(request.headers));
      const lastEventId = await db.events.latestId();
      const identity = await db.identities.findByExternalId('webchat', visitorId);
      if (!identity) return { messages: [], lastEventId, promises: [], reviews: [] };
      const tickets = await db.tickets.listForCustomer(identity.customerId);
      const [timelines, promises, reviews] = await Promise.all([
        Promise.all(tickets.map((ticket) => db.messages.listForTicket(ticket.id))),
        Promise.all(tickets.map((ticket) => db.promises.listForTicket(ticket.id))),
        db.reviews.listOpenForCustomer(identity.customerId),
      ]);
      return {
        messages: timelines.flat().map(toWidgetMessage),
        lastEventId,
        promises: promises.flat().map(toVisitorPromise),
        reviews: reviews.map(toVisitorReview),
      };
    },
  );
};

export default widgetRoutes;
