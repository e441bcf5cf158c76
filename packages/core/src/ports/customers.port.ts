import type { ChannelKind } from '../channels/channel.types.ts';
import type { Customer, CustomerCharacteristic, CustomerType, Identity, Language } from '../customers/customer.types.ts';
import type { Instant } from '../shared/instant.ts';

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
  /** Records a phone number the channel told us, unless the customer already has one (one statement). */
  setPhoneIfMissing(id: number, phone: string, now: Instant): Promise<void>;
  /**
   * Removes a customer nothing points at yet: the loser of a first-contact race created one just before
   * finding the identity taken (see IdentityRepository.insertIfAbsent).
   */
  deleteUnreferenced(id: number): Promise<void>;
}

export interface NewIdentity {
  customerId: number;
  channel: ChannelKind;
  externalId: string;
  displayName?: string | null;
  /** Already normalised (E.164, lower-cased email, username without @): see Identity. */
  phone?: string | null;
  email?: string | null;
  username?: string | null;
  verified?: boolean;
}

export interface IdentityRepository {
  findByExternalId(channel: ChannelKind, externalId: string): Promise<Identity | null>;
  /**
   * Guarantee: one identity per (channel, externalId), enforced by a unique constraint. Returns null when
   * the key is already taken — by a committed row, or by a concurrent transaction that then commits (the
   * insert waits for it) — so callers read the winner instead of creating a second customer.
   */
  insertIfAbsent(input: NewIdentity, now: Instant): Promise<Identity | null>;
  listForCustomer(customerId: number): Promise<Identity[]>;
  /** Records when the customer last wrote from this identity (never moves back): windows are measured from it. */
  touchInbound(id: number, at: Instant): Promise<void>;
  markUnreachable(id: number, at: Instant): Promise<void>;
  /** Re-keys an identity (WhatsApp number change), keeping its customer and history. */
  rekey(id: number, externalId: string): Promise<void>;
}
