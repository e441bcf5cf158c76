import { ChannelSendError, choiceIssues, exceedsTextLimit, textLength, windowState, type DeliveryReceipt, type Instant, type OutboundMessage } from '@keluh/core';
import type { InstagramGraphClient, InstagramSendBody, InstagramSendResponse } from './instagram.client.ts';
import { isWindowError, sendErrorFromGraph, windowClosedError } from './instagram.errors.ts';

export interface InstagramSendDeps {
  client: InstagramGraphClient;
  now: () => Instant;
}

export const WINDOW_CLOSED_REASON = 'More than 7 days since the customer last wrote on Instagram; they must message you first';
const NEVER_WROTE_REASON = 'The customer has not written to this account on Instagram; they must message you first';
const QUESTION_WINDOW_REASON = 'More than 24 hours since the customer last wrote on Instagram: a rating or consent question may only be asked inside the standard window';

/** §9: options the quick replies cannot hold are refused here, before Instagram answers with error 100. */
function assertQuickRepliesFit(message: OutboundMessage): void {
  if (!message.choices) return;
  const issues = choiceIssues('instagram', message.body, message.choices);
  if (issues.length === 0) return;
  throw new ChannelSendError({
    code: 'channel.choices_unfit',
    reason: `Instagram cannot send this question: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`,
    retryable: false,
  });
}

/**
 * Sends one agent reply as an Instagram text message (§3.6).
 *
 * The window is decided from `lastInboundAt` (§3.6): within 24 h a plain send; up to 7 days the
 * HUMAN_AGENT tag (every Keluh reply is typed by a human agent, which is what the tag is for); after
 * that nothing is sent. `lastInboundAt === undefined` means the caller did not say — we send plain and
 * let Instagram decide, but never tag: HUMAN_AGENT past 7 days is a policy breach.
 *
 * `replyToExternalId` is not sent: a threaded `reply_to{mid}` is documented for Messenger only and is
 * [U] for Instagram (§3.6); an unknown field could turn every reply into error 100.
 */
export async function sendInstagramText(deps: InstagramSendDeps, message: OutboundMessage): Promise<DeliveryReceipt> {
  // Instagram counts UTF-8 bytes, not characters (§3.6, §3.9): refuse before spending a call (case 48).
  if (exceedsTextLimit('instagram', message.body)) {
    const bytes = textLength('instagram', message.body);
    throw new ChannelSendError({ code: 'channel.text_too_long', reason: `Instagram accepts at most 1000 bytes of text; this reply is ${bytes} bytes`, retryable: false });
  }
  assertQuickRepliesFit(message);
  const known = message.lastInboundAt !== undefined;
  const window = windowState('instagram', message.lastInboundAt ?? null, deps.now());
  if (known && window.state === 'closed') throw windowClosedError(window.closedAt === null ? NEVER_WROTE_REASON : WINDOW_CLOSED_REASON);
  // §9: HUMAN_AGENT covers a person answering, not an automated ask for a rating, so a question never
  // rides on the tag: past 24 h it waits like any reply outside the window.
  const question = message.choices !== null && message.choices !== undefined;
  if (question && known && window.state === 'human_agent') throw windowClosedError(QUESTION_WINDOW_REASON);

  const tagged = window.state === 'human_agent';
  const first = await deps.client.sendMessage(sendBody(message, tagged));
  if (first.ok) return receipt(first.data);
  if (!isWindowError(first.error)) throw sendErrorFromGraph(first.error, first.network, first.retryAfterMs, first.blocked);

  // Our clocks and Meta's disagree near the 24 h edge (case 47): Instagram says the window is closed
  // although we thought it open. One immediate HUMAN_AGENT retry, only while we know it is ≤ 7 days.
  if (!tagged && !question && known && window.state === 'open') {
    const retry = await deps.client.sendMessage(sendBody(message, true));
    if (retry.ok) return receipt(retry.data);
    if (!isWindowError(retry.error)) throw sendErrorFromGraph(retry.error, retry.network, retry.retryAfterMs, retry.blocked);
  }
  if (question) throw windowClosedError('Instagram refused the question: it is outside the 24-hour window, and a rating request may not ride on HUMAN_AGENT');
  throw windowClosedError(
    known
      ? 'Instagram refused the reply outside the 24-hour window even with the HUMAN_AGENT tag (is the Human Agent feature approved for this app?)'
      : 'Instagram refused the reply: it is outside the allowed messaging window',
  );
}

/** Key order as in §3.6's example; `messaging_type` is sent with the tag although path A's examples omit it [U] (§8.8). */
export function sendBody(message: Pick<OutboundMessage, 'recipientExternalId' | 'body' | 'choices'>, humanAgent: boolean): InstagramSendBody {
  const quickReplies = message.choices?.options.map((option) => ({ content_type: 'text' as const, title: option.title, payload: option.id }));
  return {
    recipient: { id: message.recipientExternalId },
    ...(humanAgent && { messaging_type: 'MESSAGE_TAG' as const, tag: 'HUMAN_AGENT' as const }),
    message: { text: message.body, ...(quickReplies && { quick_replies: quickReplies }) },
  };
}

/** Store `message_id` as the outbound mid: the echo webhook carries the same one (§3.6, case 34). */
function receipt(data: InstagramSendResponse): DeliveryReceipt {
  if (typeof data.message_id === 'string' && data.message_id.length > 0) return { externalMessageId: data.message_id };
  // The message probably went out; a retry could send it twice, so this fails for a human to look at.
  throw new ChannelSendError({ code: 'instagram.invalid_response', reason: 'Instagram accepted the message but returned no message_id', retryable: false });
}
