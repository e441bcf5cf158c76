import type { Instant } from '../shared/instant.ts';
import type { TicketStatus } from '../tickets/ticket.types.ts';
import { addBusinessSeconds, businessSecondsBetween } from './business-time.rules.ts';
import type { BusinessCalendar } from './calendar.types.ts';
import { targetFor, type SlaTargets } from './sla-policy.types.ts';
import { slaMetrics, type SlaClock, type SlaMetric } from './sla.types.ts';

/** A message as the clocks see it: who spoke, and whether a person (not a bot, a rule or the system) did. */
export interface SlaMessageFact {
  direction: 'in' | 'out';
  /** Outbound only: a person's reply. Automated sends never stop a response clock. */
  human: boolean;
  at: Instant;
}

export interface SlaTicketFacts {
  ticketId: number;
  status: TicketStatus;
  createdAt: Instant;
  resolvedAt: Instant | null;
  /** In time order. */
  messages: readonly SlaMessageFact[];
}

export interface SlaSetup {
  policyId: number;
  targets: SlaTargets;
  businessHours: boolean;
  /** The team's calendar; used only when `businessHours`. */
  calendar: BusinessCalendar;
  /**
   * The calendar the running clocks were counted on, when it just changed (the ticket moved team): the
   * business time already used is measured on it, and the rest is laid out on the new one.
   */
  previousCalendar?: BusinessCalendar;
}

/** Where a clock run stands now: when it started, and whether it counts, holds, stopped or no longer applies. */
type Phase = { kind: 'counting' } | { kind: 'paused' } | { kind: 'stopped'; at: Instant } | { kind: 'cancelled' };
interface Plan {
  metric: SlaMetric;
  startedAt: Instant;
  phase: Phase;
}

const WARN_SHARE = 0.8;
/** Statuses that hold each clock: waiting on the customer pauses resolution and next response, never first response. */
const pausing: Record<SlaMetric, readonly TicketStatus[]> = { first_response: [], next_response: ['pending'], resolution: ['pending'] };
const finished: readonly TicketStatus[] = ['resolved', 'closed'];

/**
 * The ticket's clocks now, from its messages and status and the clocks as they stood: a run keeps its
 * identity (startedAt) from one recompute to the next, so a pause carries its remaining time over, and a
 * warning or breach already recorded is never forgotten. Pure; the engine stores what comes back.
 */
export function computeSlaClocks(facts: SlaTicketFacts, setup: SlaSetup | null, previous: readonly SlaClock[], now: Instant): SlaClock[] {
  const plans = planRuns(facts);
  const clocks: SlaClock[] = [];
  for (const metric of slaMetrics) {
    const before = previous.find((clock) => clock.metric === metric) ?? null;
    const target = setup ? targetFor(setup.targets, metric) : null;
    const plan = plans.find((candidate) => candidate.metric === metric);
    // No target (or no policy) runs no clock; a breach already on record stays as history.
    if (!setup || target === null || !plan) {
      if (before?.state === 'breached') clocks.push(before);
      continue;
    }
    clocks.push(step(before, plan, { ticketId: facts.ticketId, policyId: setup.policyId, target, businessHours: setup.businessHours, calendar: setup.calendar, previousCalendar: setup.previousCalendar ?? null }, now));
  }
  return clocks;
}

function planRuns(facts: SlaTicketFacts): Plan[] {
  const done = finished.includes(facts.status);
  const live = (metric: SlaMetric): Phase => (done ? { kind: 'cancelled' } : pausing[metric].includes(facts.status) ? { kind: 'paused' } : { kind: 'counting' });
  const firstIn = facts.messages.find((message) => message.direction === 'in');
  const plans: Plan[] = [];
  const resolutionStart = firstIn?.at ?? facts.createdAt;
  plans.push({ metric: 'resolution', startedAt: resolutionStart, phase: done ? { kind: 'stopped', at: facts.resolvedAt ?? resolutionStart } : live('resolution') });
  if (!firstIn) return plans;
  const after = facts.messages.filter((message) => message.at >= firstIn.at);
  const isHumanReply = (message: SlaMessageFact) => message.direction === 'out' && message.human;
  const firstReply = after.find(isHumanReply);
  plans.push({ metric: 'first_response', startedAt: firstIn.at, phase: firstReply ? { kind: 'stopped', at: firstReply.at } : live('first_response') });
  if (!firstReply) return plans;
  // Next response: the customer's first message after a human reply starts a run; the next human reply ends it.
  let run: Plan | null = null;
  let answered = true;
  for (const message of after) {
    if (message.at < firstReply.at) continue;
    if (isHumanReply(message)) {
      if (run && run.phase.kind !== 'stopped') run.phase = { kind: 'stopped', at: message.at };
      answered = true;
    } else if (message.direction === 'in' && answered) {
      run = { metric: 'next_response', startedAt: message.at, phase: live('next_response') };
      answered = false;
    }
  }
  if (run) plans.push(run);
  return plans;
}

interface StepContext {
  ticketId: number;
  policyId: number;
  target: number;
  businessHours: boolean;
  calendar: BusinessCalendar;
  previousCalendar: BusinessCalendar | null;
}

function step(before: SlaClock | null, plan: Plan, ctx: StepContext, now: Instant): SlaClock {
  const calendar = ctx.businessHours ? ctx.calendar : null;
  const sameRun = before && before.startedAt === plan.startedAt ? before : null;
  let clock: SlaClock = sameRun ?? fresh(plan, ctx, calendar, now);
  const moved = ctx.previousCalendar !== null && sameRun?.businessHours === true;
  if (sameRun && (moved || sameRun.targetSeconds !== ctx.target || sameRun.businessHours !== ctx.businessHours)) {
    // Re-targeted (a priority or team change): the time already used stays used, the rest follows the new target and calendar.
    const counted = sameRun.businessHours ? (ctx.previousCalendar ?? ctx.calendar) : null;
    const left = leftAt(sameRun, now, counted) + (ctx.target - sameRun.targetSeconds);
    clock = { ...sameRun, targetSeconds: ctx.target, businessHours: ctx.businessHours, ...(isCounting(sameRun) ? counting(left, ctx.target, calendar, now) : { remainingSeconds: left }) };
  }
  clock = { ...clock, policyId: ctx.policyId };
  const phase = plan.phase;
  if (phase.kind === 'counting' && !isCounting(clock)) clock = { ...clock, stoppedAt: null, ...counting(leftAt(clock, now, calendar), ctx.target, calendar, now) };
  if (phase.kind === 'paused' && (isCounting(clock) || clock.stoppedAt)) clock = { ...clock, stoppedAt: null, dueAt: null, warnAt: null, remainingSeconds: leftAt(clock, now, calendar) };
  if (phase.kind === 'stopped' && clock.stoppedAt !== phase.at) clock = { ...clock, stoppedAt: phase.at, remainingSeconds: leftAt(clock, phase.at, calendar) };
  if (phase.kind === 'cancelled' && !clock.stoppedAt) clock = { ...clock, stoppedAt: now, remainingSeconds: leftAt(clock, now, calendar) };
  const left = leftAt(clock, clock.stoppedAt ?? now, calendar);
  const state = clock.breachedAt || left <= 0 ? 'breached' : phase.kind === 'cancelled' ? 'cancelled' : phase.kind === 'stopped' ? 'met' : phase.kind === 'paused' ? 'paused' : 'running';
  clock = { ...clock, state };
  return sameRun && sameClock(sameRun, clock) ? sameRun : { ...clock, updatedAt: now };
}

function fresh(plan: Plan, ctx: StepContext, calendar: BusinessCalendar | null, now: Instant): SlaClock {
  return {
    ticketId: ctx.ticketId, metric: plan.metric, policyId: ctx.policyId, targetSeconds: ctx.target, businessHours: ctx.businessHours, state: 'running', startedAt: plan.startedAt,
    dueAt: addBusinessSeconds(calendar, plan.startedAt, ctx.target), warnAt: addBusinessSeconds(calendar, plan.startedAt, Math.round(ctx.target * WARN_SHARE)),
    remainingSeconds: null, stoppedAt: null, warnedAt: null, breachedAt: null, updatedAt: now,
  };
}

/** Due and warning instants for `left` seconds still to go from now; overdue keeps counting from now. */
function counting(left: number, target: number, calendar: BusinessCalendar | null, now: Instant): Pick<SlaClock, 'dueAt' | 'warnAt' | 'remainingSeconds'> {
  const untilWarning = Math.max(0, left - Math.round(target * (1 - WARN_SHARE)));
  return { dueAt: addBusinessSeconds(calendar, now, Math.max(0, left)), warnAt: addBusinessSeconds(calendar, now, untilWarning), remainingSeconds: null };
}

const isCounting = (clock: SlaClock) => clock.dueAt !== null && clock.stoppedAt === null;

/** Seconds still to go at `at` (negative once overdue). */
function leftAt(clock: SlaClock, at: Instant, calendar: BusinessCalendar | null): number {
  if (!isCounting(clock)) return clock.remainingSeconds ?? 0;
  return businessSecondsBetween(calendar, at, clock.dueAt!);
}

const comparedFields = ['ticketId', 'metric', 'policyId', 'targetSeconds', 'businessHours', 'state', 'startedAt', 'dueAt', 'warnAt', 'remainingSeconds', 'stoppedAt', 'warnedAt', 'breachedAt'] as const;

/** Equal in everything but `updatedAt`: a recompute that yields this changed nothing. */
export function sameClock(a: SlaClock, b: SlaClock): boolean {
  return comparedFields.every((field) => a[field] === b[field]);
}
