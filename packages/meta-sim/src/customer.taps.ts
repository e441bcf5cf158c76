import type { ChannelDeliverOptions, InstagramWebhooks, WhatsAppWebhooks } from './channel.webhooks.ts';
import { ig } from './payloads.instagram.ts';
import type { WaCustomer, WaMessageSpec } from './payloads.whatsapp.ts';
import type { SimCore } from './sim.core.ts';
import type { SentMessage, SentOption } from './state.ts';
import type { DeliveryReport } from './webhook.sender.ts';

/**
 * The customer tapping an option of a structured message the help desk sent (channels.md §9), as Meta
 * then notifies us: WhatsApp `type: interactive` with `button_reply` / `list_reply` and `context{from,
 * id}` naming our wamid; Instagram `message{mid, text: <title>, quick_reply{payload}}`. Signed and posted
 * through the channel's webhook sender like every other inbound message, so it also reopens the window.
 */

/** Our message by the id its send returned, or the last sent message a predicate accepts. */
export type SentMatcher = string | ((sent: SentMessage) => boolean);
export type TapOptions = ChannelDeliverOptions & { at?: number; id?: string };

const BSUID = /^[A-Z]{2}\./;

function findSent(core: SimCore, channel: SentMessage['channel'], matcher: SentMatcher): SentMessage {
  const matches = (sent: SentMessage) => sent.channel === channel && (typeof matcher === 'string' ? sent.id === matcher : matcher(sent));
  const sent = core.state.sent.findLast(matches);
  if (!sent) throw new Error(`meta-sim: no ${channel} message was sent matching ${typeof matcher === 'string' ? matcher : 'the predicate'}`);
  // A message Meta failed (window closed, undeliverable) never reached the phone: nothing to tap.
  if (sent.asyncErrorCode !== undefined) throw new Error(`meta-sim: ${sent.id} was never delivered (${sent.asyncErrorCode}); the customer cannot tap it`);
  return sent;
}

function findOption(sent: SentMessage, optionId: string): SentOption {
  const option = sent.choices?.options.find((candidate) => candidate.id === optionId);
  if (!option) {
    const offered = sent.choices?.options.map((candidate) => candidate.id).join(', ') ?? 'no options';
    throw new Error(`meta-sim: ${sent.id} offers no option "${optionId}" (it offers ${offered})`);
  }
  return option;
}

export class WhatsAppCustomer {
  constructor(
    private readonly core: SimCore,
    private readonly webhooks: WhatsAppWebhooks,
  ) {}

  /**
   * Taps a reply button, a list row or a template quick-reply button of `sent` (by its id / payload); the
   * answer quotes our message with `context.id` = its wamid.
   */
  tapOption(sent: SentMatcher, optionId: string, options: TapOptions = {}): Promise<DeliveryReport> {
    const message = findSent(this.core, 'whatsapp', sent);
    const option = findOption(message, optionId);
    const spec: WaMessageSpec = {
      ...answerOf(message.choices?.form, option),
      replyTo: message.id,
      ...(options.at !== undefined && { at: options.at }),
      ...(options.id !== undefined && { id: options.id }),
    };
    const phone = this.core.knobs.whatsapp.phoneNumbers.find((number) => number.phoneNumberId === message.from);
    const business = phone ? { wabaId: phone.wabaId, phoneNumberId: phone.phoneNumberId, displayPhoneNumber: phone.displayPhoneNumber } : this.webhooks.business;
    return this.webhooks.inbound(this.customerOf(message), spec, { ...options, business });
  }

  /** The person the message went to, with the profile Meta knows (seen in earlier webhooks). */
  private customerOf(message: SentMessage): WaCustomer {
    const known = this.core.waContacts.get(message.recipient);
    if (known) return known;
    return BSUID.test(message.recipient) ? { name: '', userId: message.recipient } : { name: '', waId: message.recipient };
  }
}

/** §9's answer shapes: `interactive.{button_reply|list_reply}`, or `button{payload, text}` for a template. */
function answerOf(form: NonNullable<SentMessage['choices']>['form'] | undefined, option: SentOption): Pick<WaMessageSpec, 'type' | 'content'> {
  if (form === 'template_buttons') return { type: 'button', content: { payload: option.id, text: option.title } };
  if (form === 'list') {
    const row = { id: option.id, title: option.title, ...(option.description !== undefined && { description: option.description }) };
    return { type: 'interactive', content: { type: 'list_reply', list_reply: row } };
  }
  return { type: 'interactive', content: { type: 'button_reply', button_reply: { id: option.id, title: option.title } } };
}

export class InstagramCustomer {
  constructor(
    private readonly core: SimCore,
    private readonly webhooks: InstagramWebhooks,
  ) {}

  /** Taps a quick reply of `sent`: the title becomes the message text, the payload rides along. */
  tapQuickReply(sent: SentMatcher, payload: string, options: TapOptions = {}): Promise<DeliveryReport> {
    const message = findSent(this.core, 'instagram', sent);
    const option = findOption(message, payload);
    const spec = ig.quickReply(option.title, option.id, { ...(options.at !== undefined && { at: options.at }), ...(options.id !== undefined && { mid: options.id }) });
    return this.webhooks.inbound(message.recipient, spec, options);
  }
}
