import { startOfDay } from 'date-fns';
import { tz } from '@date-fns/tz';
import type { Instant } from '../shared/instant.ts';
import type { Ticket } from '../tickets/ticket.types.ts';
import type { BoardCsat, BoardQueueRow } from './board.types.ts';

/** How many queue rows a board carries: the first load stays bounded however big the backlog is. */
export const BOARD_QUEUE_LIMIT = 200;
export const BOARD_BREACH_LIMIT = 50;
/** "About to breach" also lists clocks due within this long, even before their warning time. */
export const BOARD_BREACH_WINDOW_MS = 15 * 60_000;
export const BOARD_VOLUME_HOURS = 12;

type WaitingTerms = Pick<Ticket, 'status' | 'lastInboundAt' | 'lastMessageAt'>;

/**
 * An open ticket whose newest message is the customer's: our reply (or any later message of ours) moves
 * lastMessageAt past lastInboundAt. The wait is measured from the customer's last message, like the inbox.
 */
export function waitingSince(ticket: WaitingTerms): Instant | null {
  if (ticket.status !== 'open' || !ticket.lastInboundAt) return null;
  return ticket.lastInboundAt >= ticket.lastMessageAt ? ticket.lastInboundAt : null;
}

/** Midnight today in `timeZone`, as a UTC instant: where "breached today" and "CSAT today" start. */
export function dayStartIn(timeZone: string, now: Instant): Instant {
  return new Date(startOfDay(new Date(now), { in: tz(timeZone) }).getTime()).toISOString();
}

/** The queue's order: unassigned first, then waiting before answered, the longest wait first, then oldest activity. */
export function compareQueueRows(a: BoardQueueRow, b: BoardQueueRow): number {
  const unassigned = Number(a.assignee !== null) - Number(b.assignee !== null);
  if (unassigned !== 0) return unassigned;
  if (a.waitingSince && b.waitingSince) return a.waitingSince.localeCompare(b.waitingSince) || a.ticketId - b.ticketId;
  if (a.waitingSince || b.waitingSince) return a.waitingSince ? -1 : 1;
  return a.lastMessageAt.localeCompare(b.lastMessageAt) || a.ticketId - b.ticketId;
}

/** 4 or 5 of 5: what counts as a satisfied customer in CSAT. */
export const SATISFIED_SCORE = 4;

/** Today's CSAT from its sums: the server's first load and the console's live fold both use it. */
export function csatFrom(responses: number, scoreSum: number, satisfied: number): BoardCsat {
  if (responses === 0) return { responses: 0, scoreSum: 0, satisfied: 0, average: null, satisfiedPercent: null };
  return { responses, scoreSum, satisfied, average: Math.round((scoreSum / responses) * 100) / 100, satisfiedPercent: Math.round((satisfied * 100) / responses) };
}
