import type { WorkflowStage } from '../tickets/ticket.types.ts';
import type { ExitCriterion, RootCauseCategory, WorkflowSettings } from './workflow.types.ts';
import type { StageKey } from './stage.types.ts';

export interface StageDefinition {
  stage: WorkflowStage;
  key: StageKey;
  /**
   * The criteria every ticket in the stage must meet; stage 2 adds one `fact:<key>` per required fact of
   * the chosen category, which only the evaluation can know.
   */
  exitCriteria: readonly ExitCriterion[];
  defaultThresholdMinutes: number;
}

export const stageDefinitions: readonly StageDefinition[] = [
  { stage: 1, key: 'empathy', exitCriteria: ['agent_reply_sent'], defaultThresholdMinutes: 15 },
  { stage: 2, key: 'details', exitCriteria: ['category_chosen'], defaultThresholdMinutes: 60 },
  { stage: 3, key: 'map', exitCriteria: ['root_cause_set'], defaultThresholdMinutes: 240 },
  { stage: 4, key: 'solution', exitCriteria: ['solution_set', 'promise_made'], defaultThresholdMinutes: 1440 },
  { stage: 5, key: 'review', exitCriteria: ['review_requested'], defaultThresholdMinutes: 4320 },
];

export const FIRST_STAGE: WorkflowStage = 1;
export const LAST_STAGE: WorkflowStage = 5;

export function stageDefinition(stage: WorkflowStage): StageDefinition {
  return stageDefinitions[stage - 1]!;
}

export function isWorkflowStage(value: number): value is WorkflowStage {
  return Number.isInteger(value) && value >= FIRST_STAGE && value <= LAST_STAGE;
}

export const defaultRootCauses: readonly RootCauseCategory[] = [
  { key: 'courier_delay', label: { id: 'Keterlambatan kurir', en: 'Courier delay' } },
  { key: 'stock_error', label: { id: 'Kesalahan stok', en: 'Stock error' } },
  { key: 'payment_gateway', label: { id: 'Gangguan payment gateway', en: 'Payment gateway failure' } },
  { key: 'product_quality', label: { id: 'Kualitas produk', en: 'Product quality' } },
  { key: 'system_bug', label: { id: 'Bug sistem', en: 'System bug' } },
  { key: 'human_error', label: { id: 'Kesalahan petugas', en: 'Human error' } },
  { key: 'policy', label: { id: 'Kebijakan', en: 'Policy' } },
  { key: 'customer_misunderstanding', label: { id: 'Kesalahpahaman pelanggan', en: 'Customer misunderstanding' } },
  { key: 'other', label: { id: 'Lainnya', en: 'Other' } },
];

/** What applies until an admin saves settings of their own. */
export const defaultWorkflowSettings: WorkflowSettings = {
  stageThresholdMinutes: { 1: 15, 2: 60, 3: 240, 4: 1440, 5: 4320 },
  rootCauses: [...defaultRootCauses],
};
