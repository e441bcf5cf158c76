import type { ChannelKind } from '../channels/channel.types.ts';
import type { CustomerType } from '../customers/customer.types.ts';
import { AppError } from '../shared/errors.ts';
import type { TicketPriority } from '../tickets/ticket.types.ts';
import type { SlaPolicy, SlaTargets } from './sla-policy.types.ts';

const targetFields = ['firstResponseSeconds', 'nextResponseSeconds', 'resolutionSeconds'] as const;

/** A target is a whole positive number of seconds, or null for "no clock"; 0 would breach on arrival. */
export function assertValidTargets(targets: SlaTargets): void {
  for (const field of targetFields) {
    const value = targets[field];
    if (value === null) continue;
    if (!Number.isInteger(value) || value <= 0) {
      throw new AppError('sla.invalid_target', `${field} must be a positive number of seconds or null`, { issues: [{ path: field, message: 'A target is more than 0 seconds, or empty for no clock' }] });
    }
  }
}

export interface PolicySubject {
  priority: TicketPriority;
  channel: ChannelKind;
  teamId: number | null;
  customerType: CustomerType;
}

/**
 * The policy that governs a ticket: same priority, every optional criterion it names matching, and the most
 * specific of those (team outranks channel, channel outranks customer type); ties go to the oldest policy.
 */
export function matchPolicy(policies: readonly SlaPolicy[], subject: PolicySubject): SlaPolicy | null {
  let best: { policy: SlaPolicy; score: number } | null = null;
  for (const policy of policies) {
    if (policy.priority !== subject.priority) continue;
    if (policy.teamId !== null && policy.teamId !== subject.teamId) continue;
    if (policy.channel !== null && policy.channel !== subject.channel) continue;
    if (policy.customerType !== null && policy.customerType !== subject.customerType) continue;
    const score = (policy.teamId !== null ? 4 : 0) + (policy.channel !== null ? 2 : 0) + (policy.customerType !== null ? 1 : 0);
    if (!best || score > best.score || (score === best.score && policy.id < best.policy.id)) best = { policy, score };
  }
  return best?.policy ?? null;
}
