import type { Repositories } from '../ports/repositories.ts';
import type { Emit } from '../shared/deps.ts';
import type { Instant } from '../shared/instant.ts';
import { computeSlaClocks, sameClock } from './sla-clock.rules.ts';
import { loadCalendar, loadSlaSetup, slaFactsOf } from './sla-inputs.ts';
import type { SlaClock } from './sla.types.ts';

export interface RecomputeOptions {
  /** The ticket's team before this change, when the change moved it: running clocks keep the business time used on the old team's hours. */
  previousTeamId?: number | null;
}

/**
 * Brings a ticket's clocks up to date inside the transaction of the change that moved them (a message, a
 * reply, a status, priority or team change), so a due time is never stale and never found by a poll. A
 * change rewrites the rows, schedules the warning and breach of each running clock, and emits
 * `sla.updated`. Call it after the change is written and with the ticket locked (every caller holds it).
 */
export async function recomputeSla(tx: Repositories, ticketId: number, now: Instant, emit: Emit, options: RecomputeOptions = {}): Promise<SlaClock[]> {
  const ticket = await tx.tickets.findView(ticketId);
  if (!ticket) return [];
  const setup = await loadSlaSetup(tx, ticket);
  const previous = await tx.slaClocks.listForTicket(ticketId);
  // No policy and no clocks yet: nothing can move, and reading the conversation on every message of a
  // 1,000-message webhook batch would cost more than the ingest itself.
  if (setup === null && previous.length === 0) return previous;
  const messages = await tx.messages.listClockInputs(ticketId);
  if (setup?.businessHours && options.previousTeamId !== undefined && options.previousTeamId !== ticket.teamId) setup.previousCalendar = await loadCalendar(tx, options.previousTeamId);
  const clocks = computeSlaClocks(slaFactsOf(ticket, messages), setup, previous, now);
  if (sameSet(previous, clocks)) return previous;
  await tx.slaClocks.replaceForTicket(ticketId, clocks);
  await scheduleClockJobs(tx, clocks, now);
  emit({ type: 'sla.updated', ticketId, customerId: ticket.customerId, payload: { ticketId, clocks, change: 'recomputed' } });
  return clocks;
}

/**
 * One job per clock run and due (or warning) instant: a run whose due time moves gets a job for the new
 * time, and the job left at the old time finds the clock elsewhere and does nothing.
 */
async function scheduleClockJobs(tx: Repositories, clocks: readonly SlaClock[], now: Instant): Promise<void> {
  for (const clock of clocks) {
    if (clock.stoppedAt !== null) continue;
    const payload = { ticketId: clock.ticketId, metric: clock.metric, startedAt: clock.startedAt };
    const key = `${clock.ticketId}:${clock.metric}:${clock.startedAt}`;
    if (clock.warnAt && !clock.warnedAt) await tx.jobs.schedule({ kind: 'sla.warning', key: `${key}@${clock.warnAt}`, runAt: clock.warnAt, payload }, now);
    if (clock.dueAt && !clock.breachedAt) await tx.jobs.schedule({ kind: 'sla.breach', key: `${key}@${clock.dueAt}`, runAt: clock.dueAt, payload }, now);
  }
}

function sameSet(a: readonly SlaClock[], b: readonly SlaClock[]): boolean {
  return a.length === b.length && a.every((clock) => b.some((other) => other.metric === clock.metric && sameClock(clock, other)));
}
