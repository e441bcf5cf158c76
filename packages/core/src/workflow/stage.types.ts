import type { WorkflowStage } from '../tickets/ticket.types.ts';

/** The five stages in order (stage 1 = index 0); the keys double as i18n keys in both clients. */
export const stageKeys = ['empathy', 'details', 'map', 'solution', 'review'] as const;
export type StageKey = (typeof stageKeys)[number];

export const workflowStages: readonly WorkflowStage[] = [1, 2, 3, 4, 5];

export function stageKeyOf(stage: WorkflowStage): StageKey {
  return stageKeys[stage - 1]!;
}

/** Whose fault the complaint is: when it is not ours, suggestions explain instead of apologising for it. */
export const faults = ['ours', 'customer', 'third_party'] as const;
export type Fault = (typeof faults)[number];
