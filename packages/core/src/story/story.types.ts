import type { ChannelKind } from '../channels/channel.types.ts';
import type { PromiseState } from '../promises/promise.types.ts';
import type { Instant } from '../shared/instant.ts';
import type { LocalizedText } from '../shared/localized.ts';
import type { WorkflowStage } from '../tickets/ticket.types.ts';
import type { StageKey } from '../workflow/stage.types.ts';

/**
 * The story so far (docs/customers.md §Profile): what an agent picking the ticket up needs so the customer
 * never repeats themselves — built only from stored data, never from a model's summary.
 */
export interface TicketStory {
  ticketId: number;
  stage: WorkflowStage;
  stageKey: StageKey;
  /** False once an agent marked it "not a complaint": the stages stand still. */
  complaint: boolean;
  category: { key: string; label: LocalizedText } | null;
  /** Facts confirmed so far, in the category's order (others after). */
  facts: { key: string; label: LocalizedText | null; value: string; source: 'agent' | 'detected' }[];
  /** Required facts of the category still missing. */
  missing: { key: string; label: LocalizedText }[];
  rootCause: string | null;
  solution: string | null;
  /** Every promise made on the ticket, newest first, with its state. */
  promises: { id: number; text: string; dueAt: Instant; state: PromiseState; ownerName: string; settledAt: Instant | null }[];
  /** The customer's latest message on each channel they used, newest first. */
  lastSaid: { channel: ChannelKind; messageId: number; body: string; sentAt: Instant }[];
  /** The ticket this one follows, when the customer came back after it was resolved. */
  previousTicketId: number | null;
}
