import type { ChannelKind } from '../channels/channel.types.ts';
import type {
  DeliveryStatus,
  Message,
  MessageAttachment,
  MessageAuthorKind,
  MessageDirection,
  MessageTemplate,
  MessageVia,
} from '../messages/message.types.ts';
import type { EmotionReading } from '../emotion/emotion.types.ts';
import type { Instant } from '../shared/instant.ts';
import type { MessageChoices } from '../reviews/review.types.ts';

export interface NewMessage {
  ticketId: number;
  direction: MessageDirection;
  authorKind: MessageAuthorKind;
  authorUserId?: number | null;
  channel: ChannelKind;
  /** The identity it came through (inbound) or is sent to (outbound): docs/customers.md. */
  identityId?: number | null;
  externalId?: string | null;
  body: string;
  attachments?: MessageAttachment[];
  status: DeliveryStatus;
  sentAt: Instant;
  via?: MessageVia | null;
  replyToExternalId?: string | null;
  context?: Record<string, unknown> | null;
  placeholder?: 'unsupported' | 'unavailable' | null;
  template?: MessageTemplate | null;
  /** Stored with the row in the same insert: reading a message costs no extra statement. */
  emotion?: EmotionReading | null;
  choices?: MessageChoices | null;
  /** System, rule and bot sends (review requests, automated templates, API replies marked automated). */
  automated?: boolean;
}

export type MessagePatch = Partial<
  Pick<Message, 'status' | 'error' | 'externalId' | 'body' | 'attachments' | 'editCount' | 'editedAt' | 'deletedAt' | 'reactions' | 'emotion'>
>;

/** A message as the SLA clocks see it: who wrote it, whether a person did, and when we learned of it. */
export type MessageClockInput = Pick<Message, 'direction' | 'authorKind' | 'automated' | 'status' | 'createdAt'>;

export interface MessageRepository {
  /**
   * Guarantee: one message per (channel, externalId), enforced by a unique constraint (messages without an
   * external id never collide). Returns null on that conflict — also when a concurrent transaction holds the
   * key and commits — so callers treat it as a redelivery.
   */
  insertIfAbsent(input: NewMessage, now: Instant): Promise<Message | null>;
  findById(id: number): Promise<Message | null>;
  findByExternalId(channel: ChannelKind, externalId: string): Promise<Message | null>;
  /** In channel-time order (sentAt, then id). */
  listForTicket(ticketId: number): Promise<Message[]>;
  /**
   * Only what the SLA clocks read of each message of the ticket (no bodies, no attachments), in the order
   * they were stored: recomputed on every message of a ticket under a policy, so it must stay light.
   */
  listClockInputs(ticketId: number): Promise<MessageClockInput[]>;
  /**
   * When an agent last replied on the ticket (a reply not failed), or null: the workflow's "agent reply
   * sent" criterion, read when a snapshot is built so ingest pays nothing per message.
   */
  latestAgentReplyAt(ticketId: number): Promise<Instant | null>;
  update(id: number, patch: MessagePatch, now: Instant): Promise<Message>;
  /**
   * The oldest outbound message on a ticket still waiting for its channel id (not failed) with exactly
   * this body: how an echo that beats our send response is recognised as ours (channels.md §5, case 36).
   * Oldest, because the outbox sends in that order.
   */
  findUnconfirmedOutbound(ticketId: number, channel: ChannelKind, body: string, since: Instant): Promise<Message | null>;
  /** Moves messages to another ticket (a customer merge folding tickets, or its undo), keeping everything else. */
  moveToTicket(ids: readonly number[], ticketId: number): Promise<void>;
  /** Which of these tickets' messages came through (or went to) these identities: what an unmerge sends back. */
  listByIdentities(ticketIds: readonly number[], identityIds: readonly number[]): Promise<{ id: number; ticketId: number; identityId: number }[]>;
  /**
   * Inside a transaction: holds these channel ids (senders, message ids) until it ends, all taken at once
   * in one global order. A webhook batch that names several customers takes them up front, so two batches
   * naming the same customers in different orders queue behind each other instead of deadlocking halfway
   * (each holding one customer's rows and waiting for the other's). Outside a transaction, and where the
   * engine runs one writer at a time (SQLite), there is nothing to hold.
   */
  holdChannelIds(ids: readonly { channel: ChannelKind; externalId: string }[]): Promise<void>;
}
