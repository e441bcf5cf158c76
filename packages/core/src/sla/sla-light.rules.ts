import type { Instant } from '../shared/instant.ts';
import type { SlaClock, SlaLight } from './sla.types.ts';

/**
 * The colour of a clock at `now`: green, amber from its warning instant, red from its due instant or once
 * breached. A paused clock is amber when less than a fifth of its target is left. Shared by the ticket
 * header and the board so both always agree.
 */
export function slaLight(clock: Pick<SlaClock, 'state' | 'dueAt' | 'warnAt' | 'remainingSeconds' | 'targetSeconds'>, now: Instant): SlaLight {
  if (clock.state === 'breached') return 'red';
  if (clock.state === 'running') {
    if (clock.dueAt && now >= clock.dueAt) return 'red';
    if (clock.warnAt && now >= clock.warnAt) return 'amber';
    return 'green';
  }
  if (clock.state === 'paused' && clock.remainingSeconds !== null && clock.remainingSeconds <= clock.targetSeconds * 0.2) return 'amber';
  return 'green';
}
