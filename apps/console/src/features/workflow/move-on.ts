import type { WorkflowSnapshotDto } from './core-types.ts';

type Evaluation = WorkflowSnapshotDto['evaluation'];

/**
 * True when the change between `before` and `after` completed the stage it was in: something was
 * missing, now nothing is, and there is a next stage. A stage the agent came back to with everything
 * already met (nothing was missing before) is left alone: going back was a decision, not a slip.
 */
export function completedByUs(before: Evaluation | undefined, after: WorkflowSnapshotDto): boolean {
  const now = after.evaluation;
  if (!before || !after.workflow.complaint) return false;
  return now.stage === before.stage && before.missing.length > 0 && now.missing.length === 0 && now.canAdvance && now.next !== null;
}
