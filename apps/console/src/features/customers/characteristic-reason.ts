import type { CharacteristicReasonDto } from '@keluh/contracts';

type Translate = (key: string, values?: Record<string, unknown>) => string;

/** The rule's reason in the agent's language (profile.reasons.*), with what it saw. */
export function reasonText(t: Translate, reason: CharacteristicReasonDto): string {
  if (reason.rule === 'repeat_over_months') return t('profile.reasons.repeat_over_months', { count: reason.cues[0] ?? '', days: reason.cues[1] ?? '' });
  return t(`profile.reasons.${reason.rule}`, { cues: reason.cues.join(', ') });
}
