import { AppError } from '@keluh/core';
import { ticketUnwatchSchema, ticketWatchSchema, type AgentClientToServer } from '@keluh/contracts';
import type { PresenceMonitor } from '../presence/presence-monitor.ts';
import type { AgentSocket } from './agent.namespace.ts';
import type { MayWatch } from './may-watch.ts';
import { eventCall, toSocketError, type AckValue } from './socket-errors.ts';
import type { TicketWatchersService } from './ticket-watchers.ts';

/**
 * The console's `ticket.watch` / `ticket.unwatch` on one /agent socket; the watch ends with the socket.
 * `presence` learns what the agent has open: the board shows it, live, as the agent's current ticket.
 */
export function handleTicketWatch(socket: AgentSocket, watchers: TicketWatchersService, mayWatch: MayWatch, presence: Pick<PresenceMonitor, 'viewing'>): void {
  socket.on('ticket.watch', async (...args: unknown[]) => {
    const { reply, parse } = eventCall<AckValue<AgentClientToServer['ticket.watch']>>(args);
    try {
      const { ticketId, typing } = parse(ticketWatchSchema);
      // Checked when the watch opens, not on every typing refresh of it (the scope slice leaves rooms on changes).
      if (!watchers.isWatching(socket, ticketId) && !(await mayWatch(socket.data.user, ticketId))) {
        throw new AppError('ticket.not_found', `Ticket ${ticketId} does not exist`);
      }
      reply({ ok: true, ticketId, viewers: await watchers.watch(socket, ticketId, typing) });
      void presence.viewing(socket.data.user.id, ticketId);
    } catch (error) {
      reply({ ok: false, error: toSocketError(error) });
    }
  });

  socket.on('ticket.unwatch', (...args: unknown[]) => {
    const { reply, parse } = eventCall<AckValue<AgentClientToServer['ticket.unwatch']>>(args);
    try {
      const { ticketId } = parse(ticketUnwatchSchema);
      watchers.unwatch(socket, ticketId);
      if (!watchers.isWatching(socket, ticketId)) void presence.viewing(socket.data.user.id, null);
      reply({ ok: true });
    } catch (error) {
      reply({ ok: false, error: toSocketError(error) });
    }
  });

  socket.on('disconnect', () => watchers.disconnected(socket));
}
