import type { Socket } from 'socket.io-client';
import { ingestMessage, systemClock } from '@keluh/core';
import type { TicketWatchers } from '@keluh/contracts';
import type { TestApp } from './test-app.ts';

/** What the watch and unwatch tests send and read: the console's `ticket.watch`, seen from a test. */
export type WatchAnswer = { ok: true; ticketId: number; viewers: TicketWatchers['viewers'] } | { ok: false; error: { code: string; details?: unknown } };

export const watch = (socket: Socket, payload: unknown, ...extra: unknown[]) => socket.timeout(5_000).emitWithAck('ticket.watch', payload, ...extra) as Promise<WatchAnswer>;

/** The newest `ticket.watchers` list each socket was pushed, per ticket. */
export function watchersSeenBy(socket: Socket) {
  const latest = new Map<number, TicketWatchers['viewers']>();
  socket.on('ticket.watchers', (watchers: TicketWatchers) => latest.set(watchers.ticketId, watchers.viewers));
  return (ticketId: number) => (latest.get(ticketId) ?? []).map(({ name, typing }) => ({ name, typing }));
}

/** A ticket of its own for one test: a webchat customer nobody else writes as. */
export async function newTicket(t: TestApp, sender: string): Promise<number> {
  const result = await ingestMessage(
    { db: t.db, clock: systemClock, events: { publish: () => undefined } },
    { kind: 'message', channel: 'webchat', externalMessageId: `watch-${sender}-${Math.random()}`, sender: { externalId: sender, displayName: `Pelanggan ${sender}` }, body: 'Paket saya belum sampai', sentAt: new Date().toISOString() },
  );
  return result.ticket.id;
}
