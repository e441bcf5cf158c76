import { and, eq, inArray, lt, or, type Column, type SQL } from 'drizzle-orm';
import { activeTicketStatuses, addMilliseconds, workflowStages, type Instant, type WorkflowStage } from '@keluh/core';

interface StuckColumns {
  workflows: { stage: Column; stageEnteredAt: Column; complaint: Column };
  tickets: { status: Column };
}

/**
 * Complaint tickets, open or pending, whose current stage was entered before `now − threshold(stage)`:
 * one cut-off per stage, so the scan stays on the (stage, stage_entered_at) index. Either engine.
 */
export function stuckCondition({ workflows, tickets }: StuckColumns, thresholdMs: Record<WorkflowStage, number>, now: Instant): SQL {
  const perStage = workflowStages.map((stage) => and(eq(workflows.stage, stage), lt(workflows.stageEnteredAt, addMilliseconds(now, -thresholdMs[stage])))!);
  return and(eq(workflows.complaint, true), inArray(tickets.status, [...activeTicketStatuses]), or(...perStage))!;
}
