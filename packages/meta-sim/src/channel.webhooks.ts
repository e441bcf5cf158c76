import type { WaPhoneNumber } from './knobs.ts';
import { igEchoes, igInbound, type IgEventSpec, type IgPayload } from './payloads.instagram.ts';
import {
  waEchoes,
  waInbound,
  waStatuses,
  waValueErrors,
  type WaBusiness,
  type WaCustomer,
  type WaEchoSpec,
  type WaMessageSpec,
  type WaPayload,
  type WaStatusSpec,
} from './payloads.whatsapp.ts';
import type { WebhookErrorObject } from './graph-errors.ts';
import type { OrderMode } from './order.ts';
import type { SimCore } from './sim.core.ts';
import { recordInbound } from './window.rules.ts';
import type { DeliverOptions, DeliveryGuard, DeliveryReport } from './webhook.sender.ts';

/**
 * Webhook delivery bound to the sim's channel knobs: target URL, app secret, business ids. Inbound
 * customer messages also refresh the sim's messaging window, exactly as the customer writing to Meta
 * would (§2.8, §3.6), so a test that "receives" a message can then reply without extra setup.
 */

export type ChannelDeliverOptions = Partial<DeliverOptions>;
type ManyOptions = ChannelDeliverOptions & { order?: OrderMode; parallel?: boolean };

abstract class ChannelWebhooks<P> {
  private consecutiveFailures = 0;

  constructor(protected readonly core: SimCore) {}

  /** Called by `sim.reset()` and by a re-subscription (`POST /me/subscribed_apps`). */
  resetFailures(): void {
    this.consecutiveFailures = 0;
  }

  protected abstract readonly channel: 'whatsapp' | 'instagram';
  protected abstract target(): { url: string | null; secret: string };
  protected abstract noteInbound(payload: P): void;

  /** Sign and POST any payload (or raw bytes) to the channel's webhook URL. */
  deliver(payload: P | Buffer, options: ChannelDeliverOptions = {}): Promise<DeliveryReport> {
    if (!Buffer.isBuffer(payload)) this.noteInbound(payload);
    return this.core.tasks.track(this.core.sender.deliver(payload, this.options(options), this.guard()));
  }

  deliverMany(payloads: P[], options: ManyOptions = {}): Promise<DeliveryReport[]> {
    for (const p of payloads) this.noteInbound(p);
    return this.core.tasks.track(this.core.sender.deliverMany(payloads, { ...this.options(options), ...options }, this.guard()));
  }

  private options(options: ChannelDeliverOptions): DeliverOptions {
    const target = this.target();
    const url = options.url ?? target.url;
    if (!url) throw new Error(`meta-sim: knobs.${this.channel}.webhookUrl is not set`);
    return { ...options, url, secret: options.secret ?? target.secret, channel: this.channel };
  }

  /** §3.5: after enough consecutive failures Instagram unsubscribes the app until re-subscribed. */
  private guard(): DeliveryGuard {
    const { state, knobs } = this.core;
    const channel = this.channel;
    return {
      allow: () => state.subscribed[channel],
      record: (ok) => {
        const limit = channel === 'instagram' ? knobs.instagram.disableAfterConsecutiveFailures : null;
        this.consecutiveFailures = ok ? 0 : this.consecutiveFailures + 1;
        if (limit !== null && this.consecutiveFailures >= limit && state.subscribed[channel]) {
          state.subscribed[channel] = false;
          state.alerts.push({ channel, kind: 'webhooks_disabled', at: this.core.now() });
          this.core.log(`[${channel}] webhooks disabled after ${this.consecutiveFailures} consecutive failures`);
        }
      },
    };
  }
}

export class WhatsAppWebhooks extends ChannelWebhooks<WaPayload> {
  protected readonly channel = 'whatsapp';

  protected target() {
    return { url: this.core.knobs.whatsapp.webhookUrl, secret: this.core.knobs.whatsapp.appSecret };
  }

  /** The first configured business number, as a payload `metadata` source. */
  get business(): WaBusiness {
    return toBusiness(this.core.knobs.whatsapp.phoneNumbers[0] as WaPhoneNumber);
  }

  /** Customer message(s) in one POST; the customer's window opens at the message timestamp. */
  inbound(customer: WaCustomer, specs: WaMessageSpec | WaMessageSpec[], options: ChannelDeliverOptions & { business?: WaBusiness } = {}) {
    const list = Array.isArray(specs) ? specs : [specs];
    const now = this.core.now();
    return this.deliver(waInbound(options.business ?? this.business, customer, list.map((s) => ({ at: now, ...s }))), options);
  }

  statuses(statuses: WaStatusSpec[], options: ChannelDeliverOptions & { contacts?: WaCustomer[] } = {}) {
    const now = this.core.now();
    return this.deliver(waStatuses(this.business, statuses.map((s) => ({ at: now, ...s })), options.contacts), options);
  }

  valueErrors(errors: WebhookErrorObject[], options: ChannelDeliverOptions = {}) {
    return this.deliver(waValueErrors(this.business, errors), options);
  }

  echoes(echoes: WaEchoSpec[], options: ChannelDeliverOptions = {}) {
    const now = this.core.now();
    return this.deliver(waEchoes(this.business, echoes.map((e) => ({ at: now, ...e }))), options);
  }

  protected noteInbound(payload: WaPayload): void {
    const knobs = this.core.knobs.whatsapp;
    for (const change of payload.entry?.flatMap((e) => e.changes ?? []) ?? []) {
      if (change.field !== 'messages') continue;
      for (const contact of (change.value.contacts as Record<string, unknown>[] | undefined) ?? []) {
        const profile = contact.profile as { name?: string } | undefined;
        const customer: WaCustomer = { name: profile?.name ?? '', ...pick(contact, 'wa_id', 'waId'), ...pick(contact, 'user_id', 'userId') };
        if (customer.waId) this.core.waContacts.set(customer.waId, customer);
        if (customer.userId) this.core.waContacts.set(customer.userId, customer);
      }
      if (!knobs.openWindowOnInbound) continue;
      for (const message of (change.value.messages as Record<string, unknown>[] | undefined) ?? []) {
        const at = Number(message.timestamp) * 1000;
        for (const key of [message.from, message.from_user_id]) if (typeof key === 'string') recordInbound(knobs, key, at);
      }
    }
  }
}

export class InstagramWebhooks extends ChannelWebhooks<IgPayload> {
  protected readonly channel = 'instagram';

  protected target() {
    return { url: this.core.knobs.instagram.webhookUrl, secret: this.core.knobs.instagram.appSecret };
  }

  get account(): { igId: string } {
    const first = this.core.knobs.instagram.accounts[0];
    if (!first) throw new Error('meta-sim: no Instagram account configured');
    return { igId: first.igId };
  }

  /** Customer event(s) in one POST (`entry[].messaging[]`). */
  inbound(igsid: string, specs: IgEventSpec | IgEventSpec[], options: ChannelDeliverOptions = {}) {
    const list = Array.isArray(specs) ? specs : [specs];
    const now = this.core.now();
    return this.deliver(igInbound(this.account, igsid, list.map((s) => ({ at: now, ...s })), now), options);
  }

  /** Echoes of messages sent "from the Instagram app" (new mids) or by the adapter (known mids). */
  echoes(igsid: string, specs: IgEventSpec[], options: ChannelDeliverOptions = {}) {
    const now = this.core.now();
    return this.deliver(igEchoes(this.account, igsid, specs.map((s) => ({ at: now, ...s })), now), options);
  }

  /** An Instagram CDN URL on the sim serving these bytes without a token (§3.3 [O]). */
  cdnUrl(bytes: Buffer | Uint8Array | string, mimeType: string): string {
    return this.core.media.addCdnAsset(bytes, mimeType, this.core.baseUrl());
  }

  protected noteInbound(payload: IgPayload): void {
    const knobs = this.core.knobs.instagram;
    if (!knobs.openWindowOnInbound) return;
    const ours = new Set(knobs.accounts.flatMap((a) => [a.igId, a.pageId]));
    for (const entry of payload.entry ?? []) {
      for (const event of [...(entry.messaging ?? []), ...(entry.standby ?? [])]) {
        const sender = (event.sender as { id?: string } | undefined)?.id;
        const message = event.message as { is_echo?: boolean } | undefined;
        // §3.6: messages, reactions, postbacks (CTA / ice-breakers) and ig.me referrals open the window.
        const opens = (message && !message.is_echo) || event.reaction || event.postback || event.referral;
        if (sender && !ours.has(sender) && opens) recordInbound(knobs, sender, Number(event.timestamp));
      }
    }
  }
}

function toBusiness(number: WaPhoneNumber): WaBusiness {
  return { wabaId: number.wabaId, phoneNumberId: number.phoneNumberId, displayPhoneNumber: number.displayPhoneNumber };
}

function pick<K extends string>(source: Record<string, unknown>, from: string, to: K): Partial<Record<K, string>> {
  const value = source[from];
  return typeof value === 'string' ? ({ [to]: value } as Partial<Record<K, string>>) : {};
}
