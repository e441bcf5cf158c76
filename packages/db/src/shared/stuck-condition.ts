import { and, inArray, or, sql, type Column, type SQL } from 'drizzle-orm';
import { activeTicketStatuses, addMilliseconds, workflowStages, type Instant, type WorkflowStage } from '@keluh/core';

interface StuckTerms {
  stage: Column | SQL;
  enteredAt: Column | SQL;
  /** True for complaint tickets (the column, or its coalesce for tickets without a stored workflow). */
  complaint: SQL;
  status: Column;
}

/**
 * Complaint tickets, open or pending, whose current stage was entered before `now − threshold(stage)`:
 * one cut-off per stage, so a scan over stored workflows stays on the (stage, stage_entered_at) index.
 * Either engine.
 */
export function stuckCondition(terms: StuckTerms, thresholdMs: Record<WorkflowStage, number>, now: Instant): SQL {
  const perStage = workflowStages.map((stage) => sql`(${terms.stage} = ${stage} and ${terms.enteredAt} < ${addMilliseconds(now, -thresholdMs[stage])})`);
  return and(terms.complaint, inArray(terms.status, [...activeTicketStatuses]), or(...perStage))!;
}

/** Open or pending tickets, for the raw statements that adopt tickets without a stored workflow. */
export const ACTIVE_STATUSES_SQL = activeTicketStatuses.map((status) => `'${status}'`).join(', ');
