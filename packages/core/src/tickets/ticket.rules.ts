import type { Ticket, TicketStatus } from './ticket.types.ts';

/** Tickets that still thread new customer messages; once resolved or closed, a new message opens a new ticket. */
export const activeTicketStatuses: readonly TicketStatus[] = ['open', 'pending'];

export function isActive(ticket: Pick<Ticket, 'status'>): boolean {
  return activeTicketStatuses.includes(ticket.status);
}

/** The subject of a new ticket is the start of the message that opened it. */
export function subjectFrom(body: string): string {
  const firstLine = body.split(/\r?\n/).find((line) => line.trim().length > 0)?.trim() ?? '';
  return firstLine.length > 80 ? `${firstLine.slice(0, 79)}…` : firstLine || '(no text)';
}

export function resolvedAtFor(current: Ticket, nextStatus: TicketStatus, now: string): string | null {
  if (nextStatus === 'resolved' || nextStatus === 'closed') return current.resolvedAt ?? now;
  return null;
}
