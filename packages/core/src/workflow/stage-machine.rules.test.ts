import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/errors.ts';
import type { TicketStatus, WorkflowStage } from '../tickets/ticket.types.ts';
import { defaultWorkflowSettings } from './stage-definitions.ts';
import { evaluateStage, initialWorkflow, isStuck, planTransition, thresholdsMs, type StageInputs } from './stage-machine.rules.ts';
import type { StageEvaluation } from './workflow.types.ts';

const ENTERED = '2026-03-02T08:00:00.000Z';
const NOW = '2026-03-02T08:30:00.000Z';
const delivery = {
  key: 'delivery',
  facts: [
    { key: 'order_number', required: true },
    { key: 'tracking_number', required: true },
    { key: 'courier', required: false },
  ],
} as unknown as StageInputs['category'];

const nothingDone = (stage: WorkflowStage): StageInputs => ({
  stage,
  complaint: true,
  ticketStatus: 'open',
  agentRepliedSinceEntered: false,
  category: null,
  facts: [],
  rootCause: null,
  solution: null,
  promise: null,
  review: null,
});
const everythingDone = (stage: WorkflowStage): StageInputs => ({
  ...nothingDone(stage),
  agentRepliedSinceEntered: true,
  category: delivery,
  facts: [{ key: 'order_number' }, { key: 'tracking_number' }],
  rootCause: 'courier_delay',
  solution: 'Kirim ulang dengan kurir lain',
  promise: { state: 'open' },
  review: { state: 'requested' },
});

const stages: WorkflowStage[] = [1, 2, 3, 4, 5];
type Expected = 'forward' | 'override' | 'back' | 'workflow.transition_refused' | 'workflow.reason_required' | 'workflow.exit_criteria_unmet';

/** The rules of docs/workflow.md restated as a table: one stage forward, any stage back, nothing else. */
function expectedOutcome(from: number, to: number, criteriaMet: boolean, withReason: boolean): Expected {
  if (to === from || to > from + 1) return 'workflow.transition_refused';
  if (to < from) return withReason ? 'back' : 'workflow.reason_required';
  if (criteriaMet) return 'forward';
  return withReason ? 'override' : 'workflow.exit_criteria_unmet';
}

const cases = stages.flatMap((from) =>
  stages.flatMap((to) =>
    [true, false].flatMap((criteriaMet) => [true, false].map((withReason) => ({ from, to, criteriaMet, withReason, expected: expectedOutcome(from, to, criteriaMet, withReason) }))),
  ),
);

describe('the stage machine', () => {
  it.each(cases)('from stage $from to $to with criteria met=$criteriaMet and reason=$withReason: $expected', ({ from, to, criteriaMet, withReason, expected }) => {
    const inputs = criteriaMet ? everythingDone(from) : nothingDone(from);
    const evaluation = evaluateStage(inputs);
    const plan = planTransition(
      { stage: from, complaint: true, ticketStatus: 'open', stageEnteredAt: ENTERED },
      { to, reason: withReason ? 'Pelanggan minta dipercepat' : undefined, now: NOW },
      evaluation,
    );
    if (expected.startsWith('workflow.')) {
      expect(plan).toBeInstanceOf(AppError);
      expect((plan as AppError).code).toBe(expected);
      if (expected === 'workflow.exit_criteria_unmet') expect((plan as AppError).details?.missing).toEqual(evaluation.missing);
      return;
    }
    expect(plan).not.toBeInstanceOf(AppError);
    expect(plan).toMatchObject({
      fromStage: from,
      toStage: to,
      direction: expected === 'back' ? 'back' : 'forward',
      override: expected === 'override',
      dwellMs: 30 * 60_000,
      reason: withReason ? 'Pelanggan minta dipercepat' : null,
    });
    if (expected === 'override') expect((plan as { missing: string[] }).missing.length).toBeGreaterThan(0);
    if (expected === 'forward') expect((plan as { missing: string[] }).missing).toEqual([]);
  });

  it.each([0, 6, -1, 2.5, Number.NaN])('a move to stage %s is refused as outside the five stages', (to) => {
    const plan = planTransition({ stage: 1, complaint: true, ticketStatus: 'open', stageEnteredAt: ENTERED }, { to, reason: 'reason', now: NOW }, evaluateStage(everythingDone(1)));
    expect((plan as AppError).code).toBe('workflow.transition_refused');
  });

  it('a blank reason counts as no reason', () => {
    const plan = planTransition({ stage: 3, complaint: true, ticketStatus: 'open', stageEnteredAt: ENTERED }, { to: 2, reason: '   ', now: NOW }, evaluateStage(nothingDone(3)));
    expect((plan as AppError).code).toBe('workflow.reason_required');
  });

  it.each<[TicketStatus, boolean, string | null]>([
    ['resolved', true, 'workflow.ticket_inactive'],
    ['closed', true, 'workflow.ticket_inactive'],
    ['open', false, 'workflow.not_a_complaint'],
    ['closed', false, 'workflow.not_a_complaint'],
    ['pending', true, null],
  ])('a %s ticket with complaint=%s moves: %s', (ticketStatus, complaint, code) => {
    const inputs = { ...everythingDone(2), ticketStatus, complaint };
    const plan = planTransition({ stage: 2, complaint, ticketStatus, stageEnteredAt: ENTERED }, { to: 3, now: NOW }, evaluateStage(inputs));
    if (code) expect((plan as AppError).code).toBe(code);
    else expect(plan).toMatchObject({ toStage: 3, override: false });
  });

  it('a clock that ran backwards never records a negative dwell', () => {
    const plan = planTransition({ stage: 1, complaint: true, ticketStatus: 'open', stageEnteredAt: NOW }, { to: 2, now: ENTERED }, evaluateStage(everythingDone(1)));
    expect(plan).toMatchObject({ dwellMs: 0 });
  });
});

describe('exit criteria per stage', () => {
  it.each<[string, StageInputs, Partial<StageEvaluation>]>([
    ['stage 1 waits for an agent reply', nothingDone(1), { met: [], missing: ['agent_reply_sent'], canAdvance: false, next: 2, canGoBackTo: [] }],
    ['stage 1 is done once an agent replied', { ...nothingDone(1), agentRepliedSinceEntered: true }, { met: ['agent_reply_sent'], canAdvance: true, next: 2 }],
    ['stage 2 without a category asks for one first', nothingDone(2), { missing: ['category_chosen'], canGoBackTo: [1] }],
    [
      'stage 2 lists every required fact still unconfirmed, never the optional ones',
      { ...nothingDone(2), category: delivery, facts: [{ key: 'order_number' }, { key: 'courier' }] },
      { met: ['category_chosen', 'fact:order_number'], missing: ['fact:tracking_number'], canAdvance: false },
    ],
    ['stage 3 needs a root cause', { ...nothingDone(3), solution: 'x' }, { missing: ['root_cause_set'], canGoBackTo: [1, 2] }],
    ['stage 4 needs a solution and a promise', nothingDone(4), { missing: ['solution_set', 'promise_made'] }],
    ['stage 4 does not count a whitespace solution', { ...nothingDone(4), solution: '  ', promise: { state: 'kept' } }, { met: ['promise_made'], missing: ['solution_set'] }],
    ['stage 4 does not count a broken promise', { ...everythingDone(4), promise: { state: 'broken' } }, { missing: ['promise_made'] }],
    ['stage 4 does not count a cancelled promise', { ...everythingDone(4), promise: { state: 'cancelled' } }, { missing: ['promise_made'] }],
    ['stage 5 needs a review request and leads nowhere', nothingDone(5), { missing: ['review_requested'], next: null, canAdvance: false, canGoBackTo: [1, 2, 3, 4] }],
    ['stage 5 with a review requested is done but terminal', everythingDone(5), { missing: [], next: null, canAdvance: false }],
    ['a ticket that is not a complaint offers no move', { ...everythingDone(3), complaint: false }, { next: null, canAdvance: false, canGoBackTo: [] }],
    ['a resolved ticket offers no move', { ...everythingDone(3), ticketStatus: 'resolved' }, { next: null, canAdvance: false, canGoBackTo: [] }],
  ])('%s', (_title, inputs, expected) => {
    expect(evaluateStage(inputs)).toMatchObject(expected);
  });
});

describe('stuck thresholds', () => {
  it('the default thresholds are 15 min, 1 h, 4 h, 1 day and 3 days', () => {
    expect(thresholdsMs(defaultWorkflowSettings)).toEqual({ 1: 900_000, 2: 3_600_000, 3: 14_400_000, 4: 86_400_000, 5: 259_200_000 });
  });

  it('a ticket is stuck only once strictly past its threshold', () => {
    expect(isStuck(ENTERED, 30 * 60_000, NOW)).toBe(false);
    expect(isStuck(ENTERED, 30 * 60_000 - 1, NOW)).toBe(true);
    expect(isStuck(ENTERED, 60 * 60_000, NOW)).toBe(false);
  });
});

describe('a ticket nobody has worked yet', () => {
  it('is a complaint at stage one, entered when the ticket was opened, with nothing gathered', () => {
    expect(initialWorkflow({ id: 9, createdAt: ENTERED })).toEqual({
      ticketId: 9, complaint: true, notComplaintReason: null, stage: 1, stageEnteredAt: ENTERED, category: null, fault: null,
      rootCause: null, rootCauseNote: null, solution: null, linkedCaseId: null, stuckNudgedAt: null, updatedAt: ENTERED,
    });
  });
});
