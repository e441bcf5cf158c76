import fp from 'fastify-plugin';
import type { FastifyRequest, preHandlerHookHandler } from 'fastify';
import { AppError, canSeeTicket, scopeOf, type Repositories, type TicketScope } from '@keluh/core';

/** How a route's path names the ticket it acts on: the ticket itself, or something of one ticket. */
export type TicketLookup = 'ticket' | 'promise' | 'review' | 'recovery_task' | 'suggestion' | 'ticket_move';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The ticket behind a route whose path does not start with `/api/tickets/:id` (those are guarded
     * without saying so): `'promise'` for `/api/promises/:id` … The guard answers 404 `ticket.not_found`
     * when the ticket is outside the user's scope.
     */
    ticketOf?: Exclude<TicketLookup, 'ticket'>;
  }
  interface FastifyInstance {
    /** The signed-in user's ticket scope (their teams as loaded with the session, the settings as stored). */
    ticketScopeOf: (request: FastifyRequest) => Promise<TicketScope>;
    /** Every route the guard covers, as registered: the record the scope census test checks. */
    ticketGuardedRoutes: readonly { method: string; url: string; lookup: TicketLookup }[];
  }
}

const TICKET_PATH = /^\/api\/tickets\/:id(\/|$)/;

const ticketIdOf: Record<TicketLookup, (db: Repositories, id: number) => Promise<number | null>> = {
  ticket: async (_db, id) => id,
  promise: async (db, id) => (await db.promises.findById(id))?.ticketId ?? null,
  review: async (db, id) => (await db.reviews.findById(id))?.ticketId ?? null,
  recovery_task: async (db, id) => (await db.recoveryTasks.findById(id))?.ticketId ?? null,
  suggestion: async (db, id) => (await db.customerSuggestions.findById(id))?.ticketId ?? null,
  // A move is seen through the ticket it was made on (the target of a merge is checked by the use case).
  ticket_move: async (db, id) => (await db.ticketMoves.findById(id))?.sourceTicketId ?? null,
};

/**
 * The one guard of ticket scope on HTTP (docs/supervisors.md §Roles and scope). It runs as a preHandler,
 * after the params are validated, and answers 404 `ticket.not_found` for a ticket outside the user's
 * scope — never a 403, which would confirm the ticket exists. A missing resource passes through to the
 * handler, which reports its own not-found.
 */
export default fp(
  async (app) => {
    const db = app.services.core.db;
    app.decorate('ticketScopeOf', async (request: FastifyRequest) => {
      if (!request.user) await app.requireUser(request);
      return scopeOf(db, request.user!);
    });
    const guarded: { method: string; url: string; lookup: TicketLookup }[] = [];
    app.decorate('ticketGuardedRoutes', guarded);

    app.addHook('onRoute', (route) => {
      const lookup: TicketLookup | undefined = TICKET_PATH.test(route.url) ? 'ticket' : route.config?.ticketOf;
      if (!lookup) return;
      for (const method of [route.method].flat()) guarded.push({ method, url: route.url, lookup });
      const guard: preHandlerHookHandler = async (request) => {
        const params = request.params as Record<string, unknown>;
        const id = Number(params.id ?? params.reviewId);
        const scope = await app.ticketScopeOf(request);
        if (scope.kind === 'all') return;
        const ticketId = await ticketIdOf[lookup](db, id);
        const ticket = ticketId === null ? null : await db.tickets.findById(ticketId);
        if (ticket && !canSeeTicket(scope, ticket)) throw new AppError('ticket.not_found', `Ticket ${ticketId} does not exist`);
      };
      const existing = route.preHandler === undefined ? [] : Array.isArray(route.preHandler) ? route.preHandler : [route.preHandler];
      route.preHandler = [guard, ...existing];
    });
  },
  { name: 'ticket-scope', dependencies: ['auth'] },
);
