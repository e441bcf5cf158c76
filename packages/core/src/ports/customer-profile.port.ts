import type { ChannelKind } from '../channels/channel.types.ts';
import type { CustomerAttribute, CustomerAttributeDef, CustomerAttributeValue, CustomerNote } from '../customers/customer-attribute.types.ts';
import type { Instant } from '../shared/instant.ts';
import type { Language } from '../customers/customer.types.ts';

export interface CsatEntry {
  reviewId: number;
  ticketId: number;
  channel: ChannelKind;
  score: number;
  comment: string | null;
  ratedAt: Instant;
}

export interface NewAttributeDef {
  key: string;
  label: string;
  type: CustomerAttributeDef['type'];
  choices: string[];
  position?: number;
}

/**
 * What the profile page reads and writes beyond the customer row: notes, typed custom attributes and the
 * reading of their tickets' channels and ratings.
 */
export interface CustomerProfileRepository {
  addNote(input: { customerId: number; authorUserId: number; body: string }, now: Instant): Promise<CustomerNote>;
  /** Newest first. */
  listNotes(customerId: number): Promise<CustomerNote[]>;

  /** Null when a definition with this key exists (a unique key: two admins racing get one each way). */
  createDefIfAbsent(input: NewAttributeDef, now: Instant): Promise<CustomerAttributeDef | null>;
  updateDef(key: string, patch: Partial<Pick<CustomerAttributeDef, 'label' | 'choices' | 'position'>>, now: Instant): Promise<CustomerAttributeDef | null>;
  /** Removes the definition and every customer's value of it; false when there was none. */
  deleteDef(key: string): Promise<boolean>;
  findDefs(keys: readonly string[]): Promise<CustomerAttributeDef[]>;
  /** By position, then key. */
  listDefs(): Promise<CustomerAttributeDef[]>;

  /** Sets each value (insert or replace) and removes the keys given as null, in the caller's transaction. */
  setAttributes(customerId: number, values: Record<string, CustomerAttributeValue | null>, now: Instant): Promise<void>;
  listAttributes(customerId: number): Promise<CustomerAttribute[]>;

  /** The channels each of the customer's tickets has messages on (the ticket list shows them all). */
  listTicketChannels(customerId: number): Promise<{ ticketId: number; channel: ChannelKind }[]>;
  /**
   * Up to `limit` customers with an id above `afterId`, in id order, each with the text of their newest
   * inbound messages (at most `perCustomer`, newest first): what the language backfill reads.
   */
  listInboundTexts(afterId: number, limit: number, perCustomer: number): Promise<{ customerId: number; language: Language; texts: string[] }[]>;
  /** Rated reviews of the customer's tickets, newest first. */
  listCsat(customerId: number): Promise<CsatEntry[]>;
}
