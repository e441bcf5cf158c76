import type { AgentEvent, TicketViewDto } from '@keluh/contracts';
import { compareQueueRows, csatFrom, SATISFIED_SCORE, waitingSince } from '@keluh/core';
import type { BoardState, QueueRow, StageState } from './board.state.ts';
import { enterStage, leaveStage } from './board-stages.fold.ts';

const inScope = (state: BoardState, teamId: number | null) => state.teamIds === null || (teamId !== null && state.teamIds.includes(teamId));
const isActive = (ticket: Pick<TicketViewDto, 'status'>) => ticket.status === 'open' || ticket.status === 'pending';

function rowOf(ticket: TicketViewDto, clocks: QueueRow['clocks']): QueueRow {
  return {
    ticketId: ticket.id, subject: ticket.subject, customer: ticket.customer, assignee: ticket.assignee, teamId: ticket.teamId,
    channel: ticket.lastChannel, priority: ticket.priority, stage: ticket.stage, waitingSince: waitingSince(ticket), lastMessageAt: ticket.lastMessageAt, clocks,
  };
}

function adjustLoad(state: BoardState, userId: number | null | undefined, delta: number): BoardState['agents'] {
  if (userId === null || userId === undefined || delta === 0) return state.agents;
  return state.agents.map((agent) => (agent.userId === userId ? { ...agent, openCount: Math.max(0, agent.openCount + delta) } : agent));
}

/** How the event relates to the ticket's life: new, its status changed, or anything else. */
export type TicketChange = 'created' | 'status' | 'other';

/**
 * Where a ticket stands in the stage columns. One we never held that was already active when the board
 * loaded is in the server's counts: it is adopted without counting it twice.
 */
function stageTicket(state: BoardState, ticket: TicketViewDto, change: TicketChange, at: string): BoardState {
  if (!inScope(state, ticket.teamId) || !isActive(ticket)) return leaveStage(state, ticket.id);
  const known = state.ticketStages[ticket.id];
  if (known) return known.stage === ticket.stage ? state : enterStage(state, ticket.id, ticket.stage, at, false);
  if (change === 'other') return { ...state, ticketStages: { ...state.ticketStages, [ticket.id]: { stage: ticket.stage, enteredAt: null } } };
  return enterStage(state, ticket.id, ticket.stage, change === 'created' ? ticket.createdAt : at, false);
}

/**
 * A ticket as an event carries it. What it was before comes from the row we hold; a ticket we never held
 * counts as not open before (exact unless the first load was cut at its row limit, see queueTruncated).
 */
export function placeTicket(state: BoardState, ticket: TicketViewDto, change: TicketChange = 'other', at: string = ticket.updatedAt): BoardState {
  const prior = state.queue.find((row) => row.ticketId === ticket.id) ?? null;
  const open = ticket.status === 'open' && inScope(state, ticket.teamId);
  const clocks = prior?.clocks ?? state.watched[ticket.id]?.clocks ?? [];
  const next = open ? rowOf(ticket, clocks) : null;
  const queue = state.queue.filter((row) => row.ticketId !== ticket.id);
  if (next) queue.push(next);
  queue.sort(compareQueueRows);
  let agents = adjustLoad(state, prior?.assignee?.id, -1);
  agents = adjustLoad({ ...state, agents }, next?.assignee?.id, 1);
  const waitingNow = state.waitingNow + Number(next?.waitingSince != null) - Number(prior?.waitingSince != null);
  const watched = state.watched[ticket.id] ? { ...state.watched, [ticket.id]: { ...state.watched[ticket.id]!, subject: ticket.subject, customerName: ticket.customer.name, assignee: ticket.assignee } } : state.watched;
  const staged = stageTicket(state, ticket, change, at);
  return { ...staged, queue, agents, waitingNow, watched };
}

function replaceClocks(state: BoardState, ticketId: number, clocks: QueueRow['clocks']): BoardState {
  const inQueue = state.queue.some((row) => row.ticketId === ticketId);
  const queue = inQueue ? state.queue.map((row) => (row.ticketId === ticketId ? { ...row, clocks } : row)) : state.queue;
  const known = state.watched[ticketId];
  // A clock of a ticket outside the queue (pending, or past the first load's limit) is still watched for breach.
  const watched = inQueue && !known ? state.watched : { ...state.watched, [ticketId]: { ...(known ?? { ticketId, subject: `#${ticketId}`, customerName: '', assignee: null }), clocks } };
  return { ...state, queue, watched };
}

function rated(state: BoardState, event: Extract<AgentEvent, { type: 'review.updated' }>): BoardState {
  const { review, change } = event.payload;
  if (change !== 'rated' || review.score === null) return state;
  const known = state.queue.find((row) => row.ticketId === review.ticketId);
  if (state.teamIds !== null && !known) return state;
  const csat = csatFrom(state.csat.responses + 1, state.csat.scoreSum + review.score, state.csat.satisfied + Number(review.score >= SATISFIED_SCORE));
  return { ...state, csat };
}

function countVolume(state: BoardState, event: Extract<AgentEvent, { type: 'message.created' }>): BoardState {
  const { message, ticket } = event.payload;
  if (message.direction !== 'in' || !inScope(state, ticket.teamId)) return state;
  const hour = `${message.createdAt.slice(0, 13)}:00:00.000Z`;
  const existing = state.volume.find((point) => point.hour === hour && point.channel === message.channel);
  const volume = existing
    ? state.volume.map((point) => (point === existing ? { ...point, inbound: point.inbound + 1 } : point))
    : [...state.volume, { hour, channel: message.channel, inbound: 1 }];
  return { ...state, volume };
}

function applyOne(state: BoardState, event: AgentEvent): BoardState {
  switch (event.type) {
    case 'ticket.created':
      return placeTicket(state, event.payload.ticket, 'created', event.createdAt);
    case 'ticket.updated':
      return placeTicket(state, event.payload.ticket, event.payload.changes.includes('status') ? 'status' : 'other', event.createdAt);
    case 'message.created':
      return countVolume(placeTicket(state, event.payload.ticket, 'other', event.createdAt), event);
    case 'sla.updated':
      return replaceClocks(state, event.payload.ticketId, event.payload.clocks);
    case 'presence.updated': {
      const { presence } = event.payload;
      const agents = state.agents.map((agent) =>
        agent.userId === presence.userId ? { ...agent, status: presence.status, currentTicketId: presence.currentTicketId } : agent,
      );
      return { ...state, agents };
    }
    case 'workflow.updated': {
      const { workflow, ticket } = event.payload;
      const placed = placeTicket(state, ticket, 'other', event.createdAt);
      const active = workflow.workflow.complaint && isActive(ticket) && inScope(state, ticket.teamId);
      return active ? enterStage(placed, ticket.id, workflow.workflow.stage, workflow.workflow.stageEnteredAt, true) : leaveStage(placed, ticket.id);
    }
    case 'workflow.stuck': {
      const { stuck } = event.payload;
      if (state.stuckTickets[stuck.ticketId] === stuck.stage) return state;
      const stages = state.stages.map((column: StageState) => (column.stage === stuck.stage ? { ...column, stuck: column.stuck + 1 } : column));
      return { ...state, stages, stuckTickets: { ...state.stuckTickets, [stuck.ticketId]: stuck.stage } };
    }
    case 'review.updated':
      return rated(state, event);
    default:
      return state;
  }
}

/** Folds events in log order; anything at or below the state's position is a replay and changes nothing. */
export function foldBoardEvents(state: BoardState, events: readonly AgentEvent[]): BoardState {
  let next = state;
  for (const event of events) {
    if (event.id <= next.lastEventId) continue;
    next = { ...applyOne(next, event), lastEventId: event.id };
  }
  return next;
}
