import type { Namespace, Socket } from 'socket.io';
import { applyDeliveryStatus, authenticateVisitor, ingestMessage, type InboundMessageEvent, type InboundStatusEvent } from '@keluh/core';
import {
  syncRequestSchema,
  visitorReceiptSchema,
  visitorSendSchema,
  type VisitorClientToServer,
  type VisitorEvent,
  type VisitorServerToClient,
} from '@keluh/contracts';
import type { Services } from '../services.ts';
import { replaySince } from './replay.ts';
import { eventCall, refusal, toSocketError, type AckValue } from './socket-errors.ts';
import { toVisitorEvent, toWidgetMessage } from './visitor-projection.ts';
import type { RealtimeFeed } from './realtime-feed.ts';
import { hasLocalSockets } from './local-room.ts';
import { handleVisitorReviewAnswer } from './visitor-review.handler.ts';

export type VisitorNamespace = Namespace<VisitorClientToServer, VisitorServerToClient>;
type VisitorSocket = Socket<VisitorClientToServer, VisitorServerToClient>;

const customerRoom = (customerId: number) => `customer:${customerId}`;
const sessionRoom = (sessionId: string) => `visitor-session:${sessionId}`;

/** The visitor's customer id, once their first message has created one; joins their room on discovery. */
async function customerOf(socket: VisitorSocket, services: Services): Promise<number | null> {
  if (typeof socket.data.customerId === 'number') return socket.data.customerId;
  const identity = await services.db.identities.findByExternalId('webchat', socket.data.visitorId);
  if (!identity) return null;
  socket.data.customerId = identity.customerId;
  await socket.join(customerRoom(identity.customerId));
  return identity.customerId;
}

export function setUpVisitorNamespace(namespace: VisitorNamespace, services: Services, feed: RealtimeFeed): () => void {
  // The handshake answers with the same codes as HTTP (expired → the widget refreshes, revoked → starts over).
  namespace.use(async (socket, next) => {
    const { origin, host } = socket.handshake.headers;
    // Our own iframe always passes; WIDGET_ORIGINS decides for sites that talk to the socket themselves.
    if (!services.origins.widget.allows(origin, host)) return next(refusal('socket.origin_rejected', `The widget socket does not accept ${origin ?? 'a request without Origin'}`));
    try {
      const visitor = await authenticateVisitor(services.visitorAuth, (socket.handshake.auth as { visitorToken?: unknown } | undefined)?.visitorToken);
      socket.data.visitorId = visitor.visitorId;
      socket.data.sessionId = visitor.sessionId;
      socket.data.address = services.clientAddress(socket.request);
      next();
    } catch (error) {
      const { code, message } = toSocketError(error);
      next(Object.assign(new Error(code), { data: { code, message } }));
    }
  });

  namespace.on('connection', (socket) => {
    void socket.join(sessionRoom(socket.data.sessionId));
    void customerOf(socket, services);
    handleVisitorReviewAnswer(socket, services, () => customerOf(socket, services));

    socket.on('message.send', async (...args: unknown[]) => {
      const { reply, parse } = eventCall<AckValue<VisitorClientToServer['message.send']>>(args);
      try {
        const payload = parse(visitorSendSchema);
        // Before anything is stored: a refused message leaves no trace, and the widget keeps it to resend.
        await services.widgetLimits.message(socket.data.visitorId, socket.data.address);
        const [event] = services.webchat.parse({
          type: 'message',
          visitorId: socket.data.visitorId,
          clientMessageId: payload.clientMessageId,
          body: payload.body,
          receivedAt: services.clock.now(),
        }) as [InboundMessageEvent];
        const result = await ingestMessage(services.core, event);
        await customerOf(socket, services);
        reply({ ok: true, message: toWidgetMessage(result.message), duplicate: result.duplicate });
      } catch (error) {
        reply({ ok: false, error: toSocketError(error) });
      }
    });

    socket.on('message.receipt', async (...args: unknown[]) => {
      const { reply, parse } = eventCall<AckValue<VisitorClientToServer['message.receipt']>>(args);
      try {
        const payload = parse(visitorReceiptSchema);
        const customerId = await customerOf(socket, services);
        // Only receipts for messages sent to this visitor count; others are ignored, not reported.
        const own = await ownOutboundIds(services, customerId, payload.messageIds);
        const events = services.webchat.parse({
          type: 'receipt',
          visitorId: socket.data.visitorId,
          messageIds: own,
          status: payload.status,
          receivedAt: services.clock.now(),
        }) as InboundStatusEvent[];
        for (const event of events) await applyDeliveryStatus(services.core, event);
        reply({ ok: true });
      } catch (error) {
        reply({ ok: false, error: toSocketError(error) });
      }
    });

    socket.on('sync', async (...args: unknown[]) => {
      const { reply, parse } = eventCall<AckValue<VisitorClientToServer['sync']>>(args);
      try {
        const { lastEventId } = parse(syncRequestSchema);
        const customerId = await customerOf(socket, services);
        if (customerId === null) return reply({ ok: true, events: [], latestId: await services.db.events.latestId() });
        const result = await replaySince(services.db.events, lastEventId, { customerId });
        const events = result.events.map(toVisitorEvent).filter((event): event is VisitorEvent => event !== null);
        reply({ ok: true, events, latestId: result.latestId });
      } catch (error) {
        reply({ ok: false, error: toSocketError(error) });
      }
    });
  });

  // Each visitor's room gets its part of the batch, in log order; `local` as for the agents (RealtimeFeed).
  const stopEvents = feed.subscribe((events) => {
    const byCustomer = new Map<number, VisitorEvent[]>();
    for (const event of events) {
      const projected = event.customerId === null || !hasLocalSockets(namespace, customerRoom(event.customerId)) ? null : toVisitorEvent(event);
      if (!projected) continue;
      const list = byCustomer.get(event.customerId!) ?? [];
      list.push(projected);
      byCustomer.set(event.customerId!, list);
    }
    for (const [customerId, list] of byCustomer) namespace.local.to(customerRoom(customerId)).emit('events', list);
  });
  // A revoked session's tokens are refused from now on; its open sockets must not outlive that.
  const stopRevocations = services.visitorRevocations.subscribe((sessionIds) => {
    namespace.in(sessionIds.map(sessionRoom)).disconnectSockets(true);
  });
  return () => {
    stopEvents();
    stopRevocations();
  };
}

async function ownOutboundIds(services: Services, customerId: number | null, messageIds: number[]): Promise<number[]> {
  if (customerId === null) return [];
  const owned: number[] = [];
  for (const id of new Set(messageIds)) {
    const message = await services.db.messages.findById(id);
    if (!message || message.direction !== 'out' || message.channel !== 'webchat') continue;
    const ticket = await services.db.tickets.findById(message.ticketId);
    if (ticket?.customerId === customerId) owned.push(id);
  }
  return owned;
}
