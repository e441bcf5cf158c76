import type { BoardState, StageState } from './board.state.ts';

/** The average dwell of a column we cannot subtract exactly: a ticket whose entry time we never learned. */
function averageEntry(column: StageState): number {
  return column.count > 0 ? column.enteredSumMs / column.count : 0;
}

/** Takes a ticket out of its stage column (it moved on, left the active statuses, or stopped being a complaint). */
export function leaveStage(state: BoardState, ticketId: number): BoardState {
  const known = state.ticketStages[ticketId];
  if (!known) return state;
  const stages = state.stages.map((column) => {
    if (column.stage !== known.stage) return column;
    const entered = known.enteredAt ? Date.parse(known.enteredAt) : averageEntry(column);
    const stuck = state.stuckTickets[ticketId] === column.stage ? column.stuck - 1 : column.stuck;
    return { ...column, count: Math.max(0, column.count - 1), enteredSumMs: column.count > 1 ? column.enteredSumMs - entered : 0, stuck: Math.max(0, stuck) };
  });
  const { [ticketId]: _left, ...ticketStages } = state.ticketStages;
  const { [ticketId]: _unstuck, ...stuckTickets } = state.stuckTickets;
  return { ...state, stages, ticketStages, stuckTickets };
}

/**
 * Puts a ticket in `stage`. A ticket already there stays (a ticket event carries no entry time; only a
 * workflow event's `exact` time replaces the guess). A new ticket enters stage 1 when it was opened.
 */
export function enterStage(state: BoardState, ticketId: number, stage: StageState['stage'], enteredAt: string, exact: boolean): BoardState {
  const known = state.ticketStages[ticketId];
  if (known && known.stage === stage && (!exact || known.enteredAt === enteredAt)) return state;
  const left = leaveStage(state, ticketId);
  const stages = left.stages.map((column) => (column.stage === stage ? { ...column, count: column.count + 1, enteredSumMs: column.enteredSumMs + Date.parse(enteredAt) } : column));
  return { ...left, stages, ticketStages: { ...left.ticketStages, [ticketId]: { stage, enteredAt } } };
}
