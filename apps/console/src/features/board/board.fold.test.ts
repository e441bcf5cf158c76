import { describe, expect, it } from 'vitest';
import { events, message, ticket } from '../../test/fixtures.ts';
import { boardAt, boardEvents, boardSnapshot, clock } from '../../test/board.fixtures.ts';
import { review, workflowEvents, workflowSnapshot } from '../../test/workflow.fixtures.ts';
import { foldBoardEvents } from './board.fold.ts';
import { boardFromSnapshot } from './board.state.ts';
import { aboutToBreachAt, formatClock, stageColumnsAt, tilesAt, volumeSeries } from './board.view.ts';

const at = (minute: number, second = 0) => Date.parse(boardAt(minute, second));
const dewi = { id: 7, name: 'Dewi' };

describe('folding live events into the board', () => {
  it('a new WhatsApp customer joins the queue waiting, counts in the tiles, the volume and stage 1', () => {
    const created = ticket(21, { minute: 31, createdAt: boardAt(31) });
    const state = foldBoardEvents(boardFromSnapshot(boardSnapshot()), [events.ticketCreated(11, created), events.messageCreated(12, message(90, 21, { minute: 31 }), created)]);
    expect(state.queue.map((row) => [row.ticketId, row.waitingSince])).toEqual([[21, boardAt(31)]]);
    expect(tilesAt(state, at(32)).waitingNow).toBe(1);
    expect(stageColumnsAt(state, at(33))[0]).toEqual({ stage: 1, count: 1, stuck: 0, averageDwellMs: 2 * 60_000 });
    expect(volumeSeries(state, at(32)).counts.whatsapp!.at(-1)).toBe(1);
    expect(state.lastEventId).toBe(12);
  });

  it('events the snapshot already holds are skipped, so a replay never counts twice', () => {
    const created = ticket(21, { minute: 31 });
    const once = foldBoardEvents(boardFromSnapshot(boardSnapshot()), [events.ticketCreated(11, created)]);
    const twice = foldBoardEvents(once, [events.ticketCreated(11, created), events.ticketCreated(9, ticket(22))]);
    expect(twice).toBe(once);
  });

  it('an answer stops the wait; an assignment moves the load to the agent; resolving takes the ticket off the board', () => {
    const waiting = ticket(21, { minute: 31 });
    const answered = { ...waiting, lastMessageAt: boardAt(33), assigneeId: 7, assignee: dewi };
    let state = foldBoardEvents(boardFromSnapshot(boardSnapshot()), [events.ticketCreated(11, waiting), events.ticketUpdated(12, answered, ['assigneeId'])]);
    expect(state.queue[0]).toMatchObject({ waitingSince: null, assignee: dewi });
    expect(state.waitingNow).toBe(0);
    expect(state.agents.find((agent) => agent.userId === 7)!.openCount).toBe(1);
    state = foldBoardEvents(state, [events.ticketUpdated(13, { ...answered, assigneeId: 8, assignee: { id: 8, name: 'Sari' } }, ['assigneeId'])]);
    expect(state.agents.map((agent) => agent.openCount)).toEqual([0, 1]);
    state = foldBoardEvents(state, [events.ticketUpdated(14, { ...answered, status: 'resolved', assigneeId: 8, assignee: { id: 8, name: 'Sari' } })]);
    expect(state.queue).toEqual([]);
    expect(state.agents.map((agent) => agent.openCount)).toEqual([0, 0]);
    expect(state.stages[0]!.count).toBe(0);
  });

  it('the queue keeps unassigned tickets first and the longest waiting next', () => {
    const state = foldBoardEvents(boardFromSnapshot(boardSnapshot()), [
      events.ticketCreated(11, ticket(21, { minute: 35, assigneeId: 7, assignee: dewi })),
      events.ticketCreated(12, ticket(22, { minute: 36 })),
      events.ticketCreated(13, ticket(23, { minute: 34 })),
    ]);
    expect(state.queue.map((row) => row.ticketId)).toEqual([23, 22, 21]);
  });

  it('an SLA clock turns the row amber at the warning and red at the due time, and counts as breached today from then', () => {
    const created = ticket(21, { minute: 31 });
    // One hour from 09:31: warning at 10:19, due at 10:31; "about to breach" also lists it from 10:16.
    const state = foldBoardEvents(boardFromSnapshot(boardSnapshot()), [events.ticketCreated(11, created), boardEvents.sla(12, 21, [clock(21, 31, 3600)])]);
    expect(state.queue[0]!.clocks).toHaveLength(1);
    expect(aboutToBreachAt(state, at(75, 59))).toEqual([]);
    expect(aboutToBreachAt(state, at(76)).map((entry) => entry.ticketId)).toEqual([21]);
    expect(tilesAt(state, at(80))).toMatchObject({ aboutToBreach: 1, breachedToday: 0 });
    expect(tilesAt(state, at(91))).toMatchObject({ aboutToBreach: 0, breachedToday: 1 });
  });

  it('a clock of a ticket outside the queue is still watched, and a met clock leaves the list', () => {
    let state = foldBoardEvents(boardFromSnapshot(boardSnapshot()), [boardEvents.sla(11, 40, [clock(40, 29, 120)])]);
    expect(aboutToBreachAt(state, at(31)).map((entry) => entry.subject)).toEqual(['#40']);
    state = foldBoardEvents(state, [boardEvents.sla(12, 40, [clock(40, 29, 120, { state: 'met', stoppedAt: boardAt(30) })])]);
    expect(aboutToBreachAt(state, at(31))).toEqual([]);
  });

  it('presence changes the agent\'s dot, the online count and their current ticket', () => {
    const state = foldBoardEvents(boardFromSnapshot(boardSnapshot()), [boardEvents.presence(11, 8, 'online', 21), boardEvents.presence(12, 7, 'away')]);
    expect(state.agents.map((agent) => [agent.status, agent.currentTicketId])).toEqual([['away', null], ['online', 21]]);
    expect(tilesAt(state, at(31)).agentsOnline).toBe(1);
  });

  it('an agent closing the ticket they had open shows them with no current ticket', () => {
    const state = foldBoardEvents(boardFromSnapshot(boardSnapshot()), [boardEvents.presence(11, 8, 'online', 21), boardEvents.presence(12, 8, 'online', null)]);
    expect(state.agents.find((agent) => agent.userId === 8)?.currentTicketId).toBeNull();
  });

  it('a stage move carries the ticket to the next column with its own entry time; a stuck nudge marks it once', () => {
    const created = ticket(21, { minute: 31, createdAt: boardAt(31) });
    const moved = { ...created, stage: 2 as const };
    let state = foldBoardEvents(boardFromSnapshot(boardSnapshot()), [
      events.ticketCreated(11, created),
      workflowEvents.updated(12, workflowSnapshot(21, { stage: 2, workflow: { ...workflowSnapshot(21).workflow, stage: 2, stageEnteredAt: boardAt(40) } }), moved),
    ]);
    expect(stageColumnsAt(state, at(45)).slice(0, 2)).toEqual([
      { stage: 1, count: 0, stuck: 0, averageDwellMs: null },
      { stage: 2, count: 1, stuck: 0, averageDwellMs: 5 * 60_000 },
    ]);
    state = foldBoardEvents(state, [boardEvents.stuck(13, 21, 2), boardEvents.stuck(14, 21, 2)]);
    expect(state.stages[1]!.stuck).toBe(1);
  });

  it('a rating today moves CSAT exactly', () => {
    const snapshot = boardSnapshot({ tiles: { ...boardSnapshot().tiles, csatToday: { responses: 1, scoreSum: 5, satisfied: 1, average: 5, satisfiedPercent: 100 } } });
    const state = foldBoardEvents(boardFromSnapshot(snapshot), [workflowEvents.review(11, review(3, 21, { state: 'rated', score: 2 }), 'rated')]);
    expect(state.csat).toEqual({ responses: 2, scoreSum: 7, satisfied: 1, average: 3.5, satisfiedPercent: 50 });
  });

  it('a team\'s board ignores the other teams\' tickets', () => {
    const state = foldBoardEvents(boardFromSnapshot(boardSnapshot({ teamIds: [1] })), [events.ticketCreated(11, ticket(21, { teamId: 2 })), events.ticketCreated(12, ticket(22, { teamId: 1 }))]);
    expect(state.queue.map((row) => row.ticketId)).toEqual([22]);
  });

  it('clocks read as minutes and seconds, with hours when long and a sign once overdue', () => {
    expect([formatClock(245), formatClock(3723), formatClock(-12)]).toEqual(['4:05', '1:02:03', '−0:12']);
  });
});
