import type { ApiChannel } from '../channels/api-channel.types.ts';
import type { ChannelKind, InboundStatusEvent } from '../channels/channel.types.ts';
import type { ChannelConfig, ChannelStatus } from '../channels/channel-config.types.ts';
import type { Customer, CustomerCharacteristic, CustomerType, Identity, Language } from '../customers/customer.types.ts';
import type { NewDomainEvent, StoredEvent } from '../events/event.types.ts';
import type {
  DeliveryStatus,
  Message,
  MessageAttachment,
  MessageAuthorKind,
  MessageDirection,
  MessageTemplate,
  MessageVia,
} from '../messages/message.types.ts';
import type { OutboxItem } from '../outbox/outbox.types.ts';
import type { Instant } from '../shared/instant.ts';
import type { Ticket, TicketPage, TicketPriority, TicketQuery, TicketStatus, TicketView } from '../tickets/ticket.types.ts';
import type { Session, Team, User, UserRole, UserWithSecret } from '../users/user.types.ts';
import type { LoginFailureRepository } from './login-failures.port.ts';
import type { VisitorSessionRepository } from './visitor-sessions.port.ts';

/*
 * Persistence ports. The embedded SQLite implementation lives in packages/db; a PostgreSQL one will
 * implement the same interfaces. Methods are async even where SQLite is synchronous, for that reason.
 */

export interface NewCustomer {
  name: string;
  type?: CustomerType;
  characteristic?: CustomerCharacteristic;
  language?: Language;
  email?: string | null;
  phone?: string | null;
}

export interface CustomerRepository {
  create(input: NewCustomer, now: Instant): Promise<Customer>;
  findById(id: number): Promise<Customer | null>;
  update(id: number, patch: Partial<Pick<Customer, 'name' | 'phone' | 'email'>>, now: Instant): Promise<Customer>;
}

export interface NewIdentity {
  customerId: number;
  channel: ChannelKind;
  externalId: string;
  displayName?: string | null;
  verified?: boolean;
}

export interface IdentityRepository {
  findByExternalId(channel: ChannelKind, externalId: string): Promise<Identity | null>;
  create(input: NewIdentity, now: Instant): Promise<Identity>;
  listForCustomer(customerId: number): Promise<Identity[]>;
  /** Records when the customer last wrote from this identity: channel windows are measured from it. */
  touchInbound(id: number, at: Instant): Promise<void>;
  markUnreachable(id: number, at: Instant): Promise<void>;
  /** Re-keys an identity (WhatsApp number change), keeping its customer and history. */
  rekey(id: number, externalId: string): Promise<void>;
}

export interface NewTicket {
  customerId: number;
  subject: string;
  channel: ChannelKind;
  priority?: TicketPriority;
  status?: TicketStatus;
}

export type TicketPatch = Partial<
  Pick<
    Ticket,
    | 'status'
    | 'stage'
    | 'priority'
    | 'assigneeId'
    | 'teamId'
    | 'lastChannel'
    | 'unreadCount'
    | 'lastMessageAt'
    | 'lastMessagePreview'
    | 'lastInboundAt'
    | 'firstResponseAt'
    | 'resolvedAt'
  >
>;

export interface TicketRepository {
  create(input: NewTicket, now: Instant): Promise<Ticket>;
  findById(id: number): Promise<Ticket | null>;
  findView(id: number): Promise<TicketView | null>;
  /** The customer's newest ticket that still threads messages (open or pending). */
  findActiveForCustomer(customerId: number): Promise<Ticket | null>;
  /** All of a customer's tickets, oldest first (the widget shows the whole conversation history). */
  listForCustomer(customerId: number): Promise<Ticket[]>;
  update(id: number, patch: TicketPatch, now: Instant): Promise<Ticket>;
  /** Newest activity first (lastMessageAt desc, id desc), keyset-paginated. */
  list(query: TicketQuery): Promise<TicketPage>;
}

export interface NewMessage {
  ticketId: number;
  direction: MessageDirection;
  authorKind: MessageAuthorKind;
  authorUserId?: number | null;
  channel: ChannelKind;
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
}

export type MessagePatch = Partial<
  Pick<Message, 'status' | 'error' | 'externalId' | 'body' | 'attachments' | 'editCount' | 'editedAt' | 'deletedAt' | 'reactions'>
>;

export interface MessageRepository {
  /** Inserts unless (channel, externalId) exists; returns null on that conflict so callers treat it as a redelivery. */
  insertIfAbsent(input: NewMessage, now: Instant): Promise<Message | null>;
  findById(id: number): Promise<Message | null>;
  findByExternalId(channel: ChannelKind, externalId: string): Promise<Message | null>;
  /** In channel-time order (sentAt, then id). */
  listForTicket(ticketId: number): Promise<Message[]>;
  update(id: number, patch: MessagePatch, now: Instant): Promise<Message>;
  /** Messages with an attachment still waiting for download (left so by a restart), oldest first. */
  listWithPendingMedia(limit: number): Promise<Message[]>;
  /**
   * The oldest outbound message on a ticket still waiting for its channel id (not failed) with exactly
   * this body: how an echo that beats our send response is recognised as ours (channels.md §5, case 36).
   * Oldest, because the outbox sends in that order.
   */
  findUnconfirmedOutbound(ticketId: number, channel: ChannelKind, body: string, since: Instant): Promise<Message | null>;
}

export interface EventRepository {
  append(event: NewDomainEvent, now: Instant): Promise<StoredEvent>;
  /** Events with id > afterId in id order; `customerId` narrows to one customer's events (widget replay). */
  listAfter(afterId: number, options: { limit: number; customerId?: number }): Promise<StoredEvent[]>;
  latestId(): Promise<number>;
}

export interface NewUser {
  email: string;
  name: string;
  role: UserRole;
  passwordHash: string;
  language?: 'id' | 'en';
  teamId?: number | null;
}

export interface UserRepository {
  create(input: NewUser, now: Instant): Promise<User>;
  findById(id: number): Promise<User | null>;
  findByEmailWithSecret(email: string): Promise<UserWithSecret | null>;
  list(): Promise<User[]>;
  count(): Promise<number>;
}

export interface TeamRepository {
  create(name: string, now: Instant): Promise<Team>;
  list(): Promise<Team[]>;
}

export interface SessionRepository {
  create(session: Session): Promise<void>;
  findValid(tokenHash: string, now: Instant): Promise<Session | null>;
  delete(tokenHash: string): Promise<void>;
  /** Deletes sessions that expired at or before `now`; returns how many. */
  purgeExpired(now: Instant): Promise<number>;
}

export interface OutboxRepository {
  enqueue(input: { messageId: number; channel: ChannelKind; availableAt: Instant }, now: Instant): Promise<OutboxItem>;
  /** Pending items whose time has come, oldest first. */
  listDue(now: Instant, limit: number): Promise<OutboxItem[]>;
  markDone(id: number, now: Instant): Promise<void>;
  reschedule(id: number, availableAt: Instant, lastError: string): Promise<void>;
  /** Moves an item later without counting an attempt (its channel is paused, not failing). */
  postpone(id: number, availableAt: Instant): Promise<void>;
  markFailed(id: number, lastError: string): Promise<void>;
}

/** Small key/value store for instance settings such as generated secrets. */
export interface SettingsRepository {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
}

export interface ChannelConfigRepository {
  list(): Promise<ChannelConfig[]>;
  get(kind: ChannelKind): Promise<ChannelConfig | null>;
  /** Saves new settings and marks the channel active again (new credentials end a reconnect-needed state). */
  upsert(kind: ChannelKind, settings: Record<string, string>, now: Instant): Promise<ChannelConfig>;
  setStatus(kind: ChannelKind, status: ChannelStatus, reason: string | null, now: Instant): Promise<void>;
}

/**
 * Statuses that arrived before we knew the message they describe (the status beat our send response,
 * channels.md §2.5): kept until the send is stored, then applied.
 */
export interface ParkedStatusRepository {
  park(event: InboundStatusEvent, now: Instant): Promise<void>;
  /** Removes and returns the parked statuses for one channel message id, oldest first. */
  take(channel: ChannelKind, externalId: string): Promise<InboundStatusEvent[]>;
  purgeOlderThan(before: Instant): Promise<number>;
}

export interface ApiChannelRepository {
  create(input: Pick<ApiChannel, 'name' | 'secret' | 'webhookUrl'>, now: Instant): Promise<ApiChannel>;
  findById(id: number): Promise<ApiChannel | null>;
  /** Oldest first. */
  list(): Promise<ApiChannel[]>;
  /** Null when the channel does not exist (deleted meanwhile). */
  update(id: number, patch: Partial<Pick<ApiChannel, 'name' | 'secret' | 'webhookUrl'>>, now: Instant): Promise<ApiChannel | null>;
  /** False when there was nothing to delete. */
  delete(id: number): Promise<boolean>;
}

export interface Repositories {
  customers: CustomerRepository;
  identities: IdentityRepository;
  tickets: TicketRepository;
  messages: MessageRepository;
  events: EventRepository;
  users: UserRepository;
  teams: TeamRepository;
  sessions: SessionRepository;
  outbox: OutboxRepository;
  settings: SettingsRepository;
  channelConfigs: ChannelConfigRepository;
  parkedStatuses: ParkedStatusRepository;
  apiChannels: ApiChannelRepository;
  loginFailures: LoginFailureRepository;
  visitorSessions: VisitorSessionRepository;
}

/**
 * Runs work atomically. Work must not await outside IO (network, timers) inside the transaction: the
 * embedded database serialises transactions on one connection.
 */
export interface UnitOfWork {
  transaction<T>(work: (tx: Repositories) => Promise<T>): Promise<T>;
}

export interface Database extends Repositories, UnitOfWork {
  close(): Promise<void>;
}
