import type { MessageClockInput } from '../ports/messages.port.ts';
import type { Repositories } from '../ports/repositories.ts';
import type { TicketView } from '../tickets/ticket.types.ts';
import { defaultWindows, type BusinessCalendar } from './calendar.types.ts';
import type { SlaSetup, SlaTicketFacts } from './sla-clock.rules.ts';
import { matchPolicy } from './sla-policy.rules.ts';

export const DEFAULT_TIME_ZONE = 'Asia/Jakarta';

/**
 * Only a person's reply stops a response clock: an agent's message, not automated (rules, bots, review
 * requests, API replies marked automated), and not one the channel refused.
 */
export function isHumanReply(message: Omit<MessageClockInput, 'createdAt'>): boolean {
  return message.direction === 'out' && message.authorKind === 'agent' && !message.automated && message.status !== 'failed';
}

/** What the clocks need from a ticket: messages in the order we learned of them (server time). */
export function slaFactsOf(ticket: TicketView, messages: readonly MessageClockInput[]): SlaTicketFacts {
  const facts = messages
    .map((message) => ({ direction: message.direction, human: isHumanReply(message), at: message.createdAt }))
    .sort((a, b) => a.at.localeCompare(b.at));
  return { ticketId: ticket.id, status: ticket.status, createdAt: ticket.createdAt, resolvedAt: ticket.resolvedAt, messages: facts };
}

/** The governing policy and the ticket's team calendar (its zone, windows and holiday list, else the defaults). */
export async function loadSlaSetup(tx: Repositories, ticket: TicketView): Promise<SlaSetup | null> {
  const policy = matchPolicy(await tx.slaPolicies.list(), { priority: ticket.priority, channel: ticket.channel, teamId: ticket.teamId, customerType: ticket.customer.type });
  if (!policy) return null;
  return { policyId: policy.id, targets: policy, businessHours: policy.businessHours, calendar: policy.businessHours ? await loadCalendar(tx, ticket.teamId) : { timeZone: DEFAULT_TIME_ZONE, windows: [], holidays: [] } };
}

export async function loadCalendar(tx: Pick<Repositories, 'businessCalendars' | 'holidayLists'>, teamId: number | null): Promise<BusinessCalendar> {
  const team = teamId !== null ? await tx.businessCalendars.findForTeam(teamId) : null;
  // A team without a calendar of its own follows the first (seeded national) holiday list.
  const listId = team?.calendar ? team.calendar.holidayListId : ((await tx.holidayLists.list())[0]?.id ?? null);
  const list = listId !== null ? await tx.holidayLists.findById(listId) : null;
  return { timeZone: team?.timeZone ?? DEFAULT_TIME_ZONE, windows: team?.calendar?.windows ?? [...defaultWindows], holidays: list?.holidays ?? [] };
}
