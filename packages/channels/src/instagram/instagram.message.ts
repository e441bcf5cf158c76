import type { InboundEvent, InboundMessageEvent } from '@keluh/core';
import { mapAttachments } from './instagram.attachments.ts';
import { asRecord, asString, type Json } from './instagram.payload.ts';

export interface MessageParties {
  sender: string;
  recipient: string | undefined;
  /** The sender is our own IG account: an echo of something the business sent (§3.3). */
  fromUs: boolean;
  at: string;
  dashboardTest: boolean;
}

/**
 * A `message` event object (§3.3): a customer message, an echo of ours, or an unsend.
 *
 * Echoes (`is_echo`, ids swapped) become messages authored by 'business_app' and keyed to the
 * customer (`recipient.id`). The adapter cannot tell the echo of our own send from something typed in
 * the Instagram app — only the stored mid can — so the core decides by mid (§5, cases 34–36).
 */
export function mapMessage(message: Json, parties: MessageParties): InboundEvent[] {
  const mid = asString(message.mid);
  // `is_self`: a test message the account sent to itself; there is no customer in it.
  if (!mid || message.is_self === true) return [];
  // An unsend carries the original mid [O]; the message stays in the timeline, flagged deleted.
  if (message.is_deleted === true) return [{ kind: 'delete', channel: 'instagram', targetExternalId: mid, at: parties.at }];

  const echo = message.is_echo === true || parties.fromUs;
  const customer = echo ? parties.recipient : parties.sender;
  if (!customer) return [];

  const body = asString(message.text) ?? '';
  const attachments = mapAttachments(message.attachments);
  const context = messageContext(message, parties.dashboardTest);
  const replyTo = asString(asRecord(message.reply_to)?.mid);
  // §3.3.4: keep a placeholder so the agent knows the customer wrote; an event with neither text nor
  // a usable attachment is treated the same way rather than shown as an empty bubble.
  const unsupported = message.is_unsupported === true || (body.length === 0 && attachments.length === 0);

  const event: InboundMessageEvent = {
    kind: 'message',
    channel: 'instagram',
    externalMessageId: mid,
    sender: { externalId: customer },
    body,
    sentAt: parties.at,
    author: echo ? 'business_app' : 'customer',
    replyToExternalId: replyTo ?? null,
    placeholder: unsupported ? 'unsupported' : null,
  };
  if (attachments.length > 0) event.attachments = attachments;
  if (Object.keys(context).length > 0) event.context = context;
  // §9: a quick-reply tap carries our option id as the payload and the tapped title as the text. The
  // payload is passed through untouched; ingest knows what our ids mean.
  const payload = asString(asRecord(message.quick_reply)?.payload);
  if (payload && !echo) event.answer = { choiceId: payload, inReplyToExternalId: replyTo ?? null };
  return [event];
}

/** What an agent needs to understand the message: the story it answers, the button, the ad. */
function messageContext(message: Json, dashboardTest: boolean): Json {
  const context: Json = {};
  const story = asRecord(asRecord(message.reply_to)?.story);
  if (story) context.story = { id: asString(story.id) ?? null, url: asString(story.url) ?? null };
  const quickReply = asString(asRecord(message.quick_reply)?.payload);
  if (quickReply) context.quickReply = quickReply;
  const referral = asRecord(message.referral);
  if (referral) context.referral = adReferral(referral);
  if (dashboardTest) context.dashboardTest = true;
  return context;
}

/** First message after a Click-to-Direct ad (§3.3): which ad brought the customer. */
function adReferral(referral: Json): Json {
  const ad = asRecord(referral.ads_context_data);
  const fields: Json = {
    source: asString(referral.source),
    type: asString(referral.type),
    ref: asString(referral.ref),
    adId: asString(referral.ad_id),
    adTitle: asString(ad?.ad_title),
    photoUrl: asString(ad?.photo_url),
    videoUrl: asString(ad?.video_url),
  };
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}
