import { AppError, type ChoiceAnswer, type InboundEvent, type InboundMessageEvent, type InboundSender, type Instant } from '@keluh/core';
import { instantFromUnix } from '../meta/graph-error.ts';
import { whatsappContent } from './whatsapp.content.ts';
import { whatsappPhone, whatsappSender, type WaUserIds } from './whatsapp.sender.ts';
import { isRecord, text, type WaContact, type WaMessage } from './whatsapp.wire.ts';

const channel = 'whatsapp' as const;

function invalid(what: string): AppError {
  return new AppError('webhook.invalid_payload', `WhatsApp webhook: ${what}`);
}

/** Id and time are the idempotency key and the ordering key (§2.5): without them nothing is stored. */
function keyOf(item: WaMessage, where: string): { id: string; at: Instant } {
  const id = text(item.id);
  const at = instantFromUnix(item.timestamp, 'seconds');
  if (id === undefined || at === null) throw invalid(`${where} item without id or timestamp`);
  return { id, at };
}

function senderOf(ids: WaUserIds, contacts: WaContact[], where: string): InboundSender {
  const sender = whatsappSender(ids, contacts);
  if (!sender) throw invalid(`${where} item without a user id`);
  return sender;
}

/** The message's own context (§2.3): forwarding, product enquiry, Click-to-WhatsApp ad referral. */
function messageContext(item: WaMessage, content: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  const context: Record<string, unknown> = { ...content };
  if (item.context?.forwarded === true) context.forwarded = true;
  if (item.context?.frequently_forwarded === true) context.frequentlyForwarded = true;
  if (item.context?.referred_product !== undefined) context.referredProduct = item.context.referred_product;
  if (isRecord(item.referral)) context.referral = item.referral;
  return Object.keys(context).length > 0 ? context : undefined;
}

/**
 * §9: a tap on one of our reply buttons or list rows (`interactive`), or on a template quick-reply
 * button (`button`). The id is passed through untouched — ingest knows what our ids mean — and
 * `context.id` names our message that carried the question, for when the id alone is not enough.
 */
function answerOf(item: WaMessage): ChoiceAnswer | undefined {
  let choiceId: string | undefined;
  if (item.type === 'interactive') {
    const kind = item.interactive?.type;
    if (kind !== 'button_reply' && kind !== 'list_reply') return undefined;
    const reply = item.interactive?.[kind];
    choiceId = isRecord(reply) ? text(reply.id) : undefined;
  } else if (item.type === 'button') {
    choiceId = text(item.button?.payload);
  } else {
    return undefined;
  }
  return { choiceId: choiceId ?? null, inReplyToExternalId: text(item.context?.id) ?? null };
}

function messageEvent(item: WaMessage, id: string, at: Instant, sender: InboundSender, author: 'customer' | 'business_app'): InboundMessageEvent {
  const content = whatsappContent(item);
  const context = messageContext(item, content.context);
  // Only a customer answers our questions; an echo of a tap is impossible, so business-app items never carry one.
  const answer = author === 'customer' ? answerOf(item) : undefined;
  return {
    kind: 'message',
    channel,
    externalMessageId: id,
    sender,
    body: content.body,
    ...(content.attachments && { attachments: content.attachments }),
    sentAt: at,
    replyToExternalId: text(item.context?.id) ?? null,
    author,
    placeholder: content.placeholder ?? null,
    ...(context && { context }),
    ...(answer && { answer }),
  };
}

/** One `messages[]` item from a customer (§2.3). Reactions and number changes are not messages. */
export function customerMessageEvents(item: WaMessage, contacts: WaContact[]): InboundEvent[] {
  const { id, at } = keyOf(item, 'message');
  const sender = senderOf({ waId: item.from, userId: item.from_user_id }, contacts, 'message');
  if (item.type === 'reaction') {
    const target = text(item.reaction?.message_id);
    if (target === undefined) throw invalid('reaction without message_id');
    // §8.9: removal shape unconfirmed — an empty or missing emoji both mean "removed".
    return [{ kind: 'reaction', channel, targetExternalId: target, senderExternalId: sender.externalId, emoji: text(item.reaction?.emoji) ?? null, at }];
  }
  if (item.type === 'system') {
    const newWaId = text(item.system?.wa_id);
    // §2.3 `system`: only a number change concerns us; it re-keys the customer, it is not a message.
    if (item.system?.type !== 'user_changed_number' || newWaId === undefined) return [];
    const previous = text(item.from) ?? sender.externalId;
    return [{ kind: 'identity_change', channel, previousExternalId: previous, externalId: newWaId, phone: whatsappPhone(newWaId), at }];
  }
  return [messageEvent(item, id, at, sender, 'customer')];
}

/**
 * One `message_echoes[]` item (§2.3.9): the business typed it in the WhatsApp Business app, so it is
 * stored as outgoing and filed under the customer it went `to`; revoke/edit change an earlier one.
 */
export function echoEvents(item: WaMessage, contacts: WaContact[]): InboundEvent[] {
  const { id, at } = keyOf(item, 'echo');
  if (item.type === 'revoke' || item.type === 'edit') {
    const original = text(item[item.type]?.original_message_id);
    if (original === undefined) throw invalid(`${item.type} echo without original_message_id`);
    if (item.type === 'revoke') return [{ kind: 'delete', channel, targetExternalId: original, at }];
    const edit = item.edit;
    return [{ kind: 'edit', channel, targetExternalId: original, body: text(edit?.text?.body) ?? text(edit?.message?.text?.body) ?? text(edit?.body) ?? '', at }];
  }
  const sender = senderOf({ waId: item.to, userId: item.to_user_id }, contacts, 'echo');
  return [messageEvent(item, id, at, sender, 'business_app')];
}
