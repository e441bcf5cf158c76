import type { InboundEvent } from '@keluh/core';
import { mapMessage } from './instagram.message.ts';
import { asRecord, asString, metaInstant, partyId, type Json } from './instagram.payload.ts';

export interface ItemContext {
  /** Our IG_ID: tells an event we caused (echo, our own reads) from one the customer caused (§3.3). */
  accountId: string;
  /** `entry[].time`, used only when an item lacks its own `timestamp`. */
  entryTime: string | null;
  dashboardTest: boolean;
}

const LOVE = '\u2764\ufe0f';

/**
 * One `messaging[]` item → events. Each item carries exactly one event object (§3.3); keys we do not
 * handle (optins, handover, a future key) yield nothing (case 21).
 *
 * A `referral` on its own (an ig.me link into an existing thread) also yields nothing: the customer
 * wrote nothing, and a placeholder message would read as if they had. The same referral data arrives in
 * `message.referral` when it matters for the first message after an ad, and is kept there.
 */
export function mapMessagingItem(item: Json, context: ItemContext): InboundEvent[] {
  const at = metaInstant(item.timestamp) ?? context.entryTime;
  const sender = partyId(item, 'sender');
  if (!at || !sender) return [];
  const fromUs = sender === context.accountId;

  const message = asRecord(item.message);
  if (message) return mapMessage(message, { sender, recipient: partyId(item, 'recipient'), fromUs, at, dashboardTest: context.dashboardTest });

  const reaction = asRecord(item.reaction);
  const reactionTarget = asString(reaction?.mid);
  // A reaction from our own account (made in the Instagram app) is not the customer's; the core's
  // reaction event has no author, so it is left out rather than misattributed.
  if (reaction && reactionTarget) {
    if (fromUs) return [];
    const emoji = reaction.action === 'unreact' ? null : (asString(reaction.emoji) ?? namedReaction(reaction.reaction));
    return [{ kind: 'reaction', channel: 'instagram', targetExternalId: reactionTarget, senderExternalId: sender, emoji, at }];
  }

  // `messaging_seen`: the customer saw our message. Instagram sends no delivery receipts (§3.3), so
  // 'read' is the only status an Instagram message ever gets after 'sent'.
  const readMid = asString(asRecord(item.read)?.mid);
  if (readMid) return fromUs ? [] : [{ kind: 'status', channel: 'instagram', externalMessageId: readMid, status: 'read', at }];

  // `num_edit` is deliberately dropped: the core counts edits itself, so a redelivered edit cannot
  // inflate the count.
  const edit = asRecord(item.message_edit);
  const editMid = asString(edit?.mid);
  if (edit && editMid) return [{ kind: 'edit', channel: 'instagram', targetExternalId: editMid, body: asString(edit.text) ?? '', at }];

  const postback = asRecord(item.postback);
  if (postback && !fromUs) return [postbackMessage(postback, sender, item.timestamp, at, context.dashboardTest)];

  return [];
}

/**
 * An ice-breaker or CTA tap (`messaging_postbacks`) reads in the timeline as what the customer tapped;
 * the payload goes to context for automations. It also opens the 24 h window (§3.6), which a message
 * event records for the core.
 */
function postbackMessage(postback: Json, sender: string, timestamp: unknown, at: string, dashboardTest: boolean): InboundEvent {
  const payload = asString(postback.payload) ?? null;
  return {
    kind: 'message',
    channel: 'instagram',
    // Postbacks carry a mid on Instagram (§3.3); the fallback stays deterministic so a redelivery dedupes.
    // A timestamp that is not a number or string (String() of `{"toString":0}` throws) is keyed by its instant.
    externalMessageId: asString(postback.mid) ?? `postback:${sender}:${typeof timestamp === 'number' || typeof timestamp === 'string' ? timestamp : at}`,
    sender: { externalId: sender },
    body: asString(postback.title) ?? payload ?? '',
    sentAt: at,
    author: 'customer',
    context: { postback: payload, ...(dashboardTest && { dashboardTest }) },
  };
}

/** `reaction` names the reaction ("love", §3.3); `emoji` is the character and may be absent. */
function namedReaction(name: unknown): string {
  const named = asString(name);
  return named && named !== 'love' ? named : LOVE;
}
