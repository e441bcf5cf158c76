import type { DeliveryAttempt } from './webhook.sender.ts';

/**
 * What the sim observed, for assertions. Plain arrays: tests read them directly
 * (`expect(sim.state.sent).toHaveLength(1)`); `sim.reset()` empties them.
 */

export interface SentStatus {
  status: 'sent' | 'delivered' | 'read' | 'failed';
  code?: number;
  /** Whether the status webhook reached the target with a 200. */
  delivered: boolean;
}

/** One option of a structured message we sent (§9): a reply button, a list row, a quick reply. */
export interface SentOption {
  /** The button / row id, or the quick-reply payload: what comes back when the customer taps it. */
  id: string;
  title: string;
  description?: string;
}

export interface SentMessage {
  channel: 'whatsapp' | 'instagram';
  /** wamid (WhatsApp) or mid (Instagram), as returned in the send response. */
  id: string;
  /** Our business number id / IG account id the call was made on. */
  from: string;
  /** The recipient as the caller wrote it (`to`, `recipient`, `recipient.id`). */
  input: string;
  /** Resolved recipient: wa_id (after §2.6 `+` handling), BSUID, or IGSID. */
  recipient: string;
  type: string;
  text?: string;
  templateName?: string;
  /** §9: the structured form and its options, for a customer to tap (`sim.customers`). */
  choices?: { form: 'button' | 'list' | 'quick_replies' | 'template_buttons'; options: SentOption[] };
  /** Instagram: 'standard' or 'human_agent' (§3.6). */
  window?: 'standard' | 'human_agent';
  /** An async failure planned for this send (131047, 131026, 130429 …). */
  asyncErrorCode?: number;
  bizOpaqueCallbackData?: string;
  request: Record<string, unknown>;
  acceptedAt: number;
  statuses: SentStatus[];
}

/** A Graph call answered with an error envelope (§2.9 / §3.8). */
export interface RejectedCall {
  channel: 'whatsapp' | 'instagram' | 'graph';
  method: string;
  path: string;
  httpStatus: number;
  code: number;
  subcode?: number;
  request: unknown;
  at: number;
}

export interface MarkRead {
  messageId: string;
  typingIndicator: boolean;
  at: number;
}

export interface MetaSimState {
  sent: SentMessage[];
  rejected: RejectedCall[];
  reads: MarkRead[];
  uploads: { id: string; mimeType: string; size: number; at: number }[];
  /** Every webhook POST attempt, in order (including retries and duplicates). */
  deliveries: DeliveryAttempt[];
  /** `/subscribed_apps` state per channel (§2.1, §3.1); Instagram can be disabled by failures (§3.5). */
  subscribed: { whatsapp: boolean; instagram: boolean };
  /** Operational alerts Meta would email (§3.5: "Webhooks Disabled"). */
  alerts: { channel: 'whatsapp' | 'instagram'; kind: 'webhooks_disabled'; at: number }[];
}

export function emptyState(): MetaSimState {
  return { sent: [], rejected: [], reads: [], uploads: [], deliveries: [], subscribed: { whatsapp: true, instagram: true }, alerts: [] };
}

/** Empties in place, so references a test holds stay valid. */
export function clearState(state: MetaSimState): void {
  const fresh = emptyState();
  state.sent.length = 0;
  state.rejected.length = 0;
  state.reads.length = 0;
  state.uploads.length = 0;
  state.deliveries.length = 0;
  state.alerts.length = 0;
  state.subscribed = fresh.subscribed;
}
