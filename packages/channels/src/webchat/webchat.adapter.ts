import {
  AppError,
  ChannelSendError,
  choiceIssues,
  validateMessageBody,
  type ChannelAdapter,
  type DeliveryReceipt,
  type InboundEvent,
  type Instant,
  type OutboundMessage,
} from '@keluh/core';

/** What the realtime layer hands over after it has verified the visitor token. */
export type WebchatDelivery =
  | {
      type: 'message';
      visitorId: string;
      clientMessageId: string;
      body: unknown;
      receivedAt: Instant;
      profile?: { name?: string | null; email?: string | null };
    }
  | {
      type: 'receipt';
      visitorId: string;
      messageIds: number[];
      status: 'delivered' | 'read';
      receivedAt: Instant;
    };

const CLIENT_ID = /^[A-Za-z0-9_-]{8,64}$/;

/** Outbound web-chat ids are ours: the widget acknowledges by our message id. */
export function webchatOutboundId(messageId: number): string {
  return `out-${messageId}`;
}

export class WebchatAdapter implements ChannelAdapter<WebchatDelivery> {
  readonly channel = 'webchat' as const;

  parse(delivery: WebchatDelivery): InboundEvent[] {
    if (delivery.type === 'receipt') {
      return delivery.messageIds.map((id) => ({
        kind: 'status',
        channel: this.channel,
        externalMessageId: webchatOutboundId(id),
        status: delivery.status,
        at: delivery.receivedAt,
      }));
    }
    if (!CLIENT_ID.test(delivery.clientMessageId)) {
      throw new AppError('validation.failed', 'clientMessageId must be 8–64 characters of A-Z, a-z, 0-9, _ or -', {
        issues: [{ path: 'clientMessageId', message: 'Invalid id' }],
      });
    }
    return [
      {
        kind: 'message',
        channel: this.channel,
        // Scoped by visitor so one visitor's ids can never collide with (or dedupe away) another's.
        externalMessageId: `${delivery.visitorId}:${delivery.clientMessageId}`,
        sender: {
          externalId: delivery.visitorId,
          displayName: delivery.profile?.name ?? null,
          email: delivery.profile?.email ?? null,
        },
        body: validateMessageBody(delivery.body),
        // The browser's clock is not trusted: web chat orders by server arrival.
        sentAt: delivery.receivedAt,
      },
    ];
  }

  /**
   * The visitor receives agent messages through the event log (their socket room and `sync`), so
   * sending only assigns the id the widget will acknowledge with. A question's `choices` ride on the
   * stored message and the widget renders them (stars, buttons); one it could not answer is refused.
   */
  async send(message: OutboundMessage): Promise<DeliveryReceipt> {
    const issues = message.choices ? choiceIssues('webchat', message.body, message.choices) : [];
    if (issues.length > 0) {
      throw new ChannelSendError({ code: 'channel.choices_unfit', reason: issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '), retryable: false });
    }
    return { externalMessageId: webchatOutboundId(message.messageId) };
  }
}
