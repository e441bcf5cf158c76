import type { StoredEvent } from '../events/event.types.ts';
import { businessSecondsBetween } from '../sla/business-time.rules.ts';
import type { BusinessCalendar } from '../sla/calendar.types.ts';
import { isHumanReply } from '../sla/sla-inputs.ts';
import type { Instant } from '../shared/instant.ts';
import type { TicketView } from '../tickets/ticket.types.ts';
import { durationBucket, histogramOf, mergeHistograms } from './histogram.rules.ts';
import { DAY_BUCKET_OFFSETS, reportGroupings, type Histogram, type ReportGrouping, type ReportTicketState, type RollupDelta, type RollupDims, type RollupMetric, type SlaOutcomeKey, type BusinessDurationMetric } from './report.types.ts';

/** One contribution with every dimension the event knows, before it is filed under each grouping. */
export type Contribution = Omit<RollupDelta, 'grouping' | 'span'>;

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** The start (UTC) of the local day, at `offsetHours` east of UTC, that an hour bucket falls in. */
export function dayStartOf(hour: Instant, offsetHours: number): Instant {
  const shifted = Date.parse(hour) + offsetHours * HOUR_MS;
  return new Date(Math.floor(shifted / DAY_MS) * DAY_MS - offsetHours * HOUR_MS).toISOString();
}

/** The UTC hour an instant falls in, as the Instant at its top: the rollups' bucket key. */
export function hourOf(at: Instant): Instant {
  return `${at.slice(0, 13)}:00:00.000Z`;
}

function secondsBetween(from: Instant, to: Instant): number {
  return Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000));
}

export function stateFromTicket(ticket: TicketView, previous?: ReportTicketState): ReportTicketState {
  return {
    ticketId: ticket.id,
    teamId: ticket.teamId,
    channel: ticket.channel,
    agentId: ticket.assigneeId,
    customerType: ticket.customer.type ?? null,
    characteristic: ticket.customer.characteristic ?? null,
    awaitingSince: previous?.awaitingSince ?? null,
    firstRepliedAt: previous?.firstRepliedAt ?? null,
  };
}

/** Rollup key: one row per hour, metric, grouping and dims (nulls spelled out so the key is total). */
export function rollupKey(delta: Pick<RollupDelta, 'span' | 'hour' | 'metric' | 'grouping' | keyof RollupDims>): string {
  return [delta.span, delta.hour, delta.metric, delta.grouping, delta.teamId ?? '-', delta.channel ?? '-', delta.agentId ?? '-', delta.customerType ?? '-', delta.characteristic ?? '-'].join('|');
}

const keptBy: Record<ReportGrouping, keyof RollupDims | null> = { channel: 'channel', agent: 'agentId', team: null, customer_type: 'customerType', characteristic: 'characteristic' };

/**
 * A contribution as the rows of each grouping (the team and that grouping's own dimension, the rest null),
 * each in its hour and in the local day of every DAY_BUCKET_OFFSETS zone.
 */
export function byGrouping(contribution: Contribution): RollupDelta[] {
  const spans = [{ span: 'hour' as const, hour: contribution.hour }, ...DAY_BUCKET_OFFSETS.map((offset) => ({ span: 'day' as const, hour: dayStartOf(contribution.hour, offset) }))];
  return reportGroupings.flatMap((grouping) => {
    const kept = keptBy[grouping];
    const row = { ...contribution, grouping, channel: null, agentId: null, customerType: null, characteristic: null, ...(kept ? { [kept]: contribution[kept] } : {}) };
    return spans.map((span) => ({ ...row, ...span, histogram: { ...row.histogram } }));
  });
}

export function slaOutcomeKey(key: SlaOutcomeKey): string {
  return `${key.ticketId}|${key.metric}|${key.startedAt}`;
}

const dimsOf = ({ teamId, channel, agentId, customerType, characteristic }: RollupDims): RollupDims => ({ teamId, channel, agentId, customerType, characteristic });

export interface FoldOutput {
  deltas: Contribution[];
  states: ReportTicketState[];
  /** Final clock outcomes seen in the page: counted only if the repository had not recorded them before. */
  slaOutcomes: { key: SlaOutcomeKey; delta: Contribution }[];
}

/** The business-hours calendar of a team (null: tickets without a team), as the SLA engine counts it. */
export type CalendarOf = (teamId: number | null) => BusinessCalendar;

/**
 * Folds a page of the event log (in id order) into rollup contributions. Pure: the ticket states it
 * starts from come from the previous pages; the ones it returns replace them in the same transaction.
 * With `calendarOf`, each reply and resolution duration is also counted in business seconds on the
 * ticket's team calendar at the time of the event (a later calendar edit does not rewrite history).
 */
export function foldEvents(events: readonly StoredEvent[], known: ReadonlyMap<number, ReportTicketState>, calendarOf?: CalendarOf): FoldOutput {
  const states = new Map(known);
  const deltas: Contribution[] = [];
  const outcomes = new Map<string, { key: SlaOutcomeKey; delta: Contribution }>();
  const touched = new Set<number>();
  const add = (dims: RollupDims, at: Instant, metric: RollupMetric, sum: number, histogram: Histogram = {}) =>
    deltas.push({ ...dimsOf(dims), hour: hourOf(at), metric, count: 1, sum, histogram });
  const duration = (dims: RollupDims, at: Instant, metric: RollupMetric, seconds: number) => add(dims, at, metric, seconds, histogramOf(durationBucket(seconds)));
  const timed = (dims: RollupDims, metric: BusinessDurationMetric, from: Instant, to: Instant) => {
    duration(dims, to, metric, secondsBetween(from, to));
    if (calendarOf) duration(dims, to, `${metric}.business`, Math.max(0, businessSecondsBetween(calendarOf(dims.teamId), from, to)));
  };
  const track = (ticket: TicketView) => {
    const state = stateFromTicket(ticket, states.get(ticket.id));
    states.set(ticket.id, state);
    touched.add(ticket.id);
    return state;
  };

  for (const event of events) {
    switch (event.type) {
      case 'ticket.created': {
        const state = track(event.payload.ticket);
        add(state, event.payload.ticket.createdAt, 'volume.tickets', 0);
        break;
      }
      case 'message.created': {
        const { message } = event.payload;
        const state = track(event.payload.ticket);
        const dims = { ...state, channel: message.channel };
        if (message.direction === 'in') {
          add(dims, message.createdAt, 'volume.inbound', 0);
          state.awaitingSince ??= message.createdAt;
          break;
        }
        add(dims, message.createdAt, 'volume.outbound', 0);
        if (!isHumanReply(message)) break;
        const replier = { ...dims, agentId: message.authorUserId ?? state.agentId };
        // A reply with nobody waiting (an agent opening the conversation) measures nothing.
        if (state.awaitingSince) timed(replier, state.firstRepliedAt ? 'next_response' : 'first_response', state.awaitingSince, message.createdAt);
        state.firstRepliedAt ??= message.createdAt;
        state.awaitingSince = null;
        break;
      }
      case 'ticket.updated': {
        const { ticket, changes } = event.payload;
        const state = track(ticket);
        if (changes.includes('status') && ticket.status === 'resolved' && ticket.resolvedAt) timed(state, 'resolution', ticket.createdAt, ticket.resolvedAt);
        break;
      }
      case 'workflow.updated': {
        const state = track(event.payload.ticket);
        if (!event.payload.changes.includes('stage')) break;
        const last = event.payload.workflow.transitions.reduce<(typeof event.payload.workflow.transitions)[number] | null>((newest, t) => (!newest || t.id > newest.id ? t : newest), null);
        if (last) duration(state, last.at, `stage_dwell.${last.fromStage}`, Math.round(last.dwellMs / 1000));
        break;
      }
      case 'sla.updated': {
        const state = states.get(event.payload.ticketId);
        if (!state) break;
        for (const clock of event.payload.clocks) {
          if (clock.state !== 'met' && !clock.breachedAt) continue;
          const key = { ticketId: clock.ticketId, metric: clock.metric, startedAt: clock.startedAt };
          if (outcomes.has(slaOutcomeKey(key))) continue;
          const met = clock.state === 'met' && !clock.breachedAt;
          const at = clock.breachedAt ?? clock.stoppedAt ?? event.createdAt;
          outcomes.set(slaOutcomeKey(key), { key, delta: { ...dimsOf(state), hour: hourOf(at), metric: 'sla', count: 1, sum: met ? 1 : 0, histogram: {} } });
        }
        break;
      }
      case 'review.updated': {
        const { review, change } = event.payload;
        const state = states.get(review.ticketId);
        if (!state || change !== 'rated' || review.score == null) break;
        add({ ...state, channel: review.channel }, review.ratedAt ?? event.createdAt, 'csat', review.score, histogramOf(review.score));
        break;
      }
      case 'promise.updated': {
        const { promise, change } = event.payload;
        const state = states.get(promise.ticketId);
        if (!state || (change !== 'kept' && change !== 'broken')) break;
        add({ ...state, agentId: promise.ownerUserId }, promise.settledAt ?? event.createdAt, 'promise', change === 'kept' ? 1 : 0);
        break;
      }
      default:
        break;
    }
  }
  return { deltas, states: [...touched].map((id) => states.get(id)!), slaOutcomes: [...outcomes.values()] };
}

/** The tickets a page needs states for before it can be folded (events that carry no ticket view). */
export function ticketsToLoad(events: readonly StoredEvent[]): number[] {
  const ids = new Set<number>();
  for (const event of events) if (event.ticketId != null) ids.add(event.ticketId);
  return [...ids];
}

/** Files contributions under every grouping and sums those that land in the same row, so a page writes each row once. */
export function combineDeltas(contributions: readonly Contribution[]): RollupDelta[] {
  const rows = new Map<string, RollupDelta>();
  for (const delta of contributions.flatMap(byGrouping)) {
    const key = rollupKey(delta);
    const row = rows.get(key);
    if (!row) rows.set(key, { ...delta, histogram: { ...delta.histogram } });
    else {
      row.count += delta.count;
      row.sum += delta.sum;
      mergeHistograms(row.histogram, delta.histogram);
    }
  }
  return [...rows.values()];
}
