import type { ChannelKind } from '../channels/channel.types.ts';
import type { CharacteristicReason } from '../customers/characteristic.rules.ts';
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
  update(id: number, patch: Partial<Pick<Customer, 'name' | 'phone' | 'email' | 'type' | 'characteristic' | 'characteristicSource' | 'characteristicReason' | 'language'>>, now: Instant): Promise<Customer>;
  /**
   * Sets a suggested characteristic in one statement that only matches while the source is `suggested`,
   * so an agent's concurrent choice is never overwritten. Null when nothing changed.
   */
  suggestCharacteristic(id: number, characteristic: CustomerCharacteristic, reason: CharacteristicReason, now: Instant): Promise<Customer | null>;
  /** Records a phone number the channel told us, unless the customer already has one (one statement). */
  setPhoneIfMissing(id: number, phone: string, now: Instant): Promise<void>;
  /**
   * Removes a customer nothing points at yet: the loser of a first-contact race created one just before
   * finding the identity taken (see IdentityRepository.insertIfAbsent).
   */
  deleteUnreferenced(id: number): Promise<void>;
  /**
   * Inside a transaction: reads the customers and holds them until it ends (SELECT … FOR UPDATE), taken in
   * id order so two merges naming the same pair cannot deadlock. Missing ids are left out.
   */
  lockMany(ids: readonly number[]): Promise<Customer[]>;
  setMergedInto(id: number, intoId: number | null, now: Instant): Promise<void>;
  /** Customers not merged into anyone, created since `since`, whose name is this one in any case: same-name suggestions. */
  listRecentByName(name: string, since: Instant): Promise<Customer[]>;
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

/** A phone or an email to find other people by (identity-keys.rules.ts forms). */
export type IdentityKey = { phone: string } | { email: string };

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
  /** Records keys the channel or the profile lookup told us; an omitted key is left as it is. */
  setKeys(id: number, keys: Partial<Pick<Identity, 'phone' | 'email' | 'username'>>): Promise<void>;
  /** Identities with this phone or email whose customer is not merged into anyone, oldest first. */
  listByKey(key: IdentityKey, options: { verifiedOnly: boolean }): Promise<Identity[]>;
  moveToCustomer(ids: readonly number[], customerId: number): Promise<void>;
  /** Marks the identity verified with the keys its channel or site vouches for (a null key is cleared). */
  vouch(id: number, keys: { displayName: string | null; phone: string | null; email: string | null }): Promise<Identity>;
}
