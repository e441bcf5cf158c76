import type { TicketViewDto } from '@keluh/contracts';

export type Stage = TicketViewDto['stage'];

/** i18n keys of the five workflow stages, in order (stage 1 = index 0). */
export const stageKeys = ['empathy', 'details', 'map', 'solution', 'review'] as const;
export type StageKey = (typeof stageKeys)[number];

export function stageKey(stage: Stage): StageKey {
  return stageKeys[stage - 1] ?? 'empathy';
}
