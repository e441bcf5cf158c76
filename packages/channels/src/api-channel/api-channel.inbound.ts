import { AppError, type InboundEvent, type Instant } from '@keluh/core';
import { apiChannelInboundSchema } from '@keluh/contracts';
import { scopedKey } from './api-channel.keys.ts';

/** One authenticated POST to /webhooks/api/{channelId}: the signature has been checked, the JSON parsed. */
export interface ApiChannelDelivery {
  apiChannelId: number;
  body: unknown;
  /** Our clock when the request arrived. */
  receivedAt: Instant;
}

/**
 * Turns a batch into events, refusing the whole batch when any part of it is invalid: the integrator
 * fixes and resends it, and idempotency keys make the resend safe.
 */
export function parseApiChannelDelivery(delivery: ApiChannelDelivery): InboundEvent[] {
  const parsed = apiChannelInboundSchema.safeParse(delivery.body);
  if (!parsed.success) {
    throw new AppError('validation.failed', 'The API channel batch is not valid; nothing was stored', {
      issues: parsed.error.issues.map((issue) => ({ path: ['body', ...issue.path.map(String)].join('.'), message: issue.message })),
    });
  }
  const { apiChannelId, receivedAt } = delivery;
  const messages: InboundEvent[] = (parsed.data.messages ?? []).map((message) => ({
    kind: 'message',
    channel: 'api',
    externalMessageId: scopedKey(apiChannelId, message.idempotencyKey),
    sender: {
      externalId: scopedKey(apiChannelId, message.sender.id),
      displayName: message.sender.name ?? null,
      phone: message.sender.phone ?? null,
      email: message.sender.email ?? null,
    },
    body: message.text,
    sentAt: notAfter(message.sentAt, receivedAt),
    context: { apiChannelId },
    // The integrator echoes the option id we sent in `choices`; it is passed through for ingest to match.
    ...(message.choiceId !== undefined && {
      answer: { choiceId: message.choiceId, inReplyToExternalId: message.inReplyTo !== undefined ? scopedKey(apiChannelId, message.inReplyTo) : null },
    }),
  }));
  const statuses: InboundEvent[] = (parsed.data.statuses ?? []).map((status) => ({
    kind: 'status',
    channel: 'api',
    externalMessageId: scopedKey(apiChannelId, status.messageId),
    status: status.status,
    at: notAfter(status.at, receivedAt),
    error: status.status === 'failed' ? (status.error ?? { code: 'api_channel.failed', reason: 'The integrator reported the delivery failed' }) : null,
  }));
  return [...messages, ...statuses];
}

/**
 * The integrator's timestamp orders messages inside a ticket, but a clock running ahead must not pin
 * its messages below everything that comes after: a time in the future is taken as "now".
 */
function notAfter(given: string | undefined, receivedAt: Instant): Instant {
  if (!given) return receivedAt;
  const at = Date.parse(given);
  return at > Date.parse(receivedAt) ? receivedAt : new Date(at).toISOString();
}
