import { ChannelSendError, choiceIssues, type DeliveryReceipt, type Instant, type MessageChoices, type OutboundMessage } from '@keluh/core';
import type { ApiChannelOutbound } from '@keluh/contracts';
import { blockedSendError } from '../outbound/channel-errors.ts';
import { outboundDeliveryId, scopedKey, splitScopedKey } from './api-channel.keys.ts';
import { API_DELIVERY_HEADER, API_SIGNATURE_HEADER, apiChannelSignature } from './api-channel.signature.ts';

/** What a send needs to know about the recipient's API channel, read fresh each time. */
export interface ApiChannelTarget {
  id: number;
  secret: string;
  webhookUrl: string;
}
export type ApiChannelLookup = (apiChannelId: number) => Promise<ApiChannelTarget | null>;
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface ApiChannelSendOptions {
  fetch?: FetchLike;
  now?: () => Instant;
  /** How long the integrator may take to acknowledge; a slow answer counts as a failed attempt. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * POSTs one agent reply to the integrator. Only a 2xx acknowledges it; 408/429/5xx, timeouts and
 * network errors are retried by the outbox with back-off, while other answers are final (retrying a
 * request the integrator refuses would only repeat the refusal).
 */
export async function sendApiChannelMessage(lookup: ApiChannelLookup, options: ApiChannelSendOptions, message: OutboundMessage): Promise<DeliveryReceipt> {
  const recipient = splitScopedKey(message.recipientExternalId);
  const target = recipient ? await lookup(recipient.apiChannelId) : null;
  if (!recipient || !target) {
    throw new ChannelSendError({ code: 'api_channel.not_found', reason: 'The API channel this customer wrote from no longer exists', retryable: false });
  }
  if (message.choices) {
    const issues = choiceIssues('api', message.body, message.choices);
    if (issues.length > 0) throw new ChannelSendError({ code: 'channel.choices_unfit', reason: `The question does not fit: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`, retryable: false });
  }
  const id = outboundDeliveryId(message.messageId);
  const payload: ApiChannelOutbound = {
    type: 'message',
    id,
    channelId: target.id,
    ticketId: message.ticketId,
    recipient: { id: recipient.key },
    text: message.body,
    ...(message.choices && { choices: apiChoices(message.choices) }),
    sentAt: (options.now ?? (() => new Date().toISOString()))(),
  };
  const body = JSON.stringify(payload);
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(target.webhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [API_SIGNATURE_HEADER]: apiChannelSignature(body, target.secret), [API_DELIVERY_HEADER]: id },
      body,
      // A redirect would re-send the signed body somewhere the admin did not configure.
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    });
  } catch (error) {
    const blocked = blockedSendError(error);
    if (blocked) throw blocked;
    throw new ChannelSendError({ code: 'api_channel.unreachable', reason: `The integrator's webhook did not answer: ${describeFailure(error)}`, retryable: true });
  }
  if (response.ok) {
    await response.body?.cancel().catch(() => undefined);
    return { externalMessageId: scopedKey(target.id, id) };
  }
  const excerpt = (await response.text().catch(() => '')).trim().slice(0, 200);
  const reason = `The integrator's webhook answered ${response.status}${excerpt ? `: ${excerpt}` : ''}`;
  if (response.status === 408 || response.status === 429 || response.status >= 500) {
    const retryAfterMs = retryAfter(response.headers.get('retry-after'));
    throw new ChannelSendError({ code: 'api_channel.unavailable', reason, retryable: true, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) });
  }
  throw new ChannelSendError({ code: 'api_channel.rejected', reason, retryable: false });
}

/** What the integrator needs to offer the options; our review id stays ours. */
function apiChoices(choices: MessageChoices): NonNullable<ApiChannelOutbound['choices']> {
  return {
    purpose: choices.purpose,
    options: choices.options.map((option) => ({ id: option.id, title: option.title, ...(option.description !== undefined && { description: option.description }) })),
  };
}

/** Retry-After is seconds or an HTTP date; capped at an hour so a typo cannot park a reply for days. */
function retryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - Date.now();
  return Number.isFinite(ms) && ms > 0 ? Math.min(ms, 3_600_000) : undefined;
}

function describeFailure(error: unknown): string {
  if (error instanceof Error) return error.name === 'TimeoutError' ? 'timed out' : error.message;
  return String(error);
}
