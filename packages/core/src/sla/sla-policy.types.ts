import type { ChannelKind } from '../channels/channel.types.ts';
import type { CustomerType } from '../customers/customer.types.ts';
import type { TicketPriority } from '../tickets/ticket.types.ts';
import type { SlaMetric } from './sla.types.ts';

/** What a breach sets off, each at most once per clock. */
export const slaEscalations = ['notify_supervisors', 'raise_priority', 'reassign'] as const;
export type SlaEscalation = (typeof slaEscalations)[number];

export interface SlaTargets {
  /** Seconds; null means the policy runs no clock for that metric. */
  firstResponseSeconds: number | null;
  nextResponseSeconds: number | null;
  resolutionSeconds: number | null;
}

export interface SlaPolicyInput extends SlaTargets {
  priority: TicketPriority;
  channel?: ChannelKind | null;
  teamId?: number | null;
  customerType?: CustomerType | null;
  /** Counted on the team's calendar (true) or on the wall clock. */
  businessHours: boolean;
  escalation?: SlaEscalation[];
}

export interface SlaPolicy extends SlaTargets {
  id: number;
  priority: TicketPriority;
  channel: ChannelKind | null;
  teamId: number | null;
  customerType: CustomerType | null;
  businessHours: boolean;
  escalation: SlaEscalation[];
  createdAt: string;
  updatedAt: string;
}

export function targetFor(targets: SlaTargets, metric: SlaMetric): number | null {
  if (metric === 'first_response') return targets.firstResponseSeconds;
  if (metric === 'next_response') return targets.nextResponseSeconds;
  return targets.resolutionSeconds;
}
