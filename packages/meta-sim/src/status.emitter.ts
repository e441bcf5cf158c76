import { setTimeout as sleep } from 'node:timers/promises';
import type { InstagramWebhooks, WhatsAppWebhooks } from './channel.webhooks.ts';
import { webhookError } from './graph-errors.ts';
import type { WaStatusName } from './knobs.ts';
import { reorder } from './order.ts';
import type { IgEventSpec } from './payloads.instagram.ts';
import { waPricing, type WaCustomer, type WaStatusSpec } from './payloads.whatsapp.ts';
import type { SimCore } from './sim.core.ts';
import type { SentMessage } from './state.ts';

/**
 * What Meta does after accepting a send. WhatsApp: `sent` → `delivered` → `read` status webhooks
 * (§2.3.6), or a lone `failed` carrying the async error (131047, 131026 …). Instagram: an echo with
 * the same `mid` (§3.3, §3.10). Both may be delivered before the send call is answered (§2.5 [U],
 * case 17; case 36) when the `beforeResponse` knob is set — the caller awaits the returned promise.
 */

interface PlannedStatus {
  status: WaStatusName | 'failed';
  delayMs: number;
  at: number;
  pricing: boolean;
}

export class WhatsAppStatusEmitter {
  constructor(
    private readonly core: SimCore,
    private readonly webhooks: WhatsAppWebhooks,
  ) {}

  /** Resolves when the send may be answered (immediately, or after the first status when racing). */
  async afterAccepted(sent: SentMessage): Promise<void> {
    const knobs = this.core.knobs.whatsapp;
    if (!knobs.webhookUrl) return;
    const plan = this.plan(sent);
    const [first, ...rest] = plan;
    if (!first) return;
    const run = async () => {
      for (const step of rest) {
        await this.pause(step.delayMs);
        await this.emit(sent, step);
      }
    };
    if (knobs.statuses.beforeResponse) {
      // The race of §2.5: the status reaches our webhook while the send call is still open.
      await this.emit(sent, first);
      if (rest.length > 0) this.core.tasks.track(run().catch(() => {}));
      return;
    }
    this.core.tasks.later(first.delayMs, async () => {
      await this.emit(sent, first);
      await run();
    });
  }

  private plan(sent: SentMessage): PlannedStatus[] {
    const s = this.core.knobs.whatsapp.statuses;
    if (sent.asyncErrorCode !== undefined) {
      return [{ status: 'failed', delayMs: s.failedDelayMs, at: sent.acceptedAt + s.failedDelayMs, pricing: false }];
    }
    const flow: WaStatusName[] = ['sent', 'delivered', 'read'];
    const upTo = s.upTo === 'none' ? 0 : flow.indexOf(s.upTo) + 1;
    const names = flow.slice(0, upTo).filter((n) => !(n === 'delivered' && s.skipDelivered));
    let at = sent.acceptedAt;
    const natural = names.map((status, i) => {
      at += s.delaysMs[status];
      // §2.3.6: pricing rides on `sent` and on exactly one of the later statuses.
      return { status, delayMs: s.delaysMs[status], at, pricing: s.includePricing && i <= 1 };
    });
    // Reordering keeps each status' own timestamp: what changes is only the arrival order (case 15).
    return reorder(natural, s.order, this.core.knobs.delivery.shuffleSeed);
  }

  private async emit(sent: SentMessage, step: PlannedStatus): Promise<void> {
    const knobs = this.core.knobs.whatsapp;
    const isBsuid = !/^\d+$/.test(sent.recipient);
    const phone = isBsuid ? knobs.bsuids[sent.recipient] : sent.recipient;
    const spec: WaStatusSpec = {
      id: sent.id,
      status: step.status,
      at: step.at,
      ...(phone && { recipientId: phone }),
      ...(isBsuid && { recipientUserId: sent.recipient }),
      ...(sent.bizOpaqueCallbackData !== undefined && { bizOpaqueCallbackData: sent.bizOpaqueCallbackData }),
      ...(step.pricing && { pricing: waPricing('service', 'free_customer_service') }),
      ...(step.status === 'failed' && { errors: [webhookError(sent.asyncErrorCode ?? 131000)] }),
    };
    // §2.3.6: the BSUID era adds contacts on sent/delivered/read, never on failed.
    const contact = this.contactFor(sent.recipient);
    const contacts = knobs.statuses.includeContacts && step.status !== 'failed' && contact ? [contact] : undefined;
    const report = await this.webhooks.statuses([spec], { ...(contacts && { contacts }) });
    sent.statuses.push({ status: step.status, ...(spec.errors && { code: sent.asyncErrorCode }), delivered: report.delivered });
  }

  private contactFor(recipient: string): WaCustomer | undefined {
    return this.core.waContacts.get(recipient) ?? (/^\d+$/.test(recipient) ? { name: '', waId: recipient } : undefined);
  }

  /** Waits between statuses; a stopped or reset sim ends the wait (and the sender then skips). */
  private async pause(ms: number): Promise<void> {
    if (ms > 0) await sleep(ms, undefined, { signal: this.core.signal() }).catch(() => {});
  }
}

export class InstagramEchoEmitter {
  constructor(
    private readonly core: SimCore,
    private readonly webhooks: InstagramWebhooks,
  ) {}

  async afterAccepted(sent: SentMessage, message: Record<string, unknown>): Promise<void> {
    const knobs = this.core.knobs.instagram;
    if (!knobs.webhookUrl || !knobs.echoes.enabled) return;
    const echo: IgEventSpec = { kind: 'message', mid: sent.id, body: echoBody(message), at: sent.acceptedAt };
    const emit = async () => {
      await this.webhooks.echoes(sent.input, [echo]);
    };
    if (knobs.echoes.beforeResponse) return emit();
    this.core.tasks.later(knobs.echoes.delayMs, emit);
  }
}

/** The echo repeats what was sent: text, or attachments as `{type, payload{url}}` (§3.3.2). */
function echoBody(message: Record<string, unknown>): Record<string, unknown> {
  if (typeof message.text === 'string') return { text: message.text };
  const single = message.attachment as Record<string, unknown> | undefined;
  const list = (message.attachments as Record<string, unknown>[] | undefined) ?? (single ? [single] : []);
  return { attachments: list.map((a) => ({ type: a.type, payload: a.payload ?? {} })) };
}
