import type { ChannelKind } from '../channels/channel.types.ts';
import type { Instant } from '../shared/instant.ts';
import type { CharacteristicReason } from './characteristic.rules.ts';

export const customerTypes = ['internal', 'external', 'intermediary'] as const;
export type CustomerType = (typeof customerTypes)[number];

export const customerCharacteristics = ['new', 'potential', 'impulsive', 'thrifty', 'loyal', 'growing'] as const;
export type CustomerCharacteristic = (typeof customerCharacteristics)[number];

/** Who set the characteristic: the rules (customers/characteristic.rules.ts) or an agent, whose choice stands. */
export const characteristicSources = ['suggested', 'agent'] as const;
export type CharacteristicSource = (typeof characteristicSources)[number];

export const languages = ['id', 'en'] as const;
export type Language = (typeof languages)[number];

export interface Customer {
  id: number;
  name: string;
  type: CustomerType;
  characteristic: CustomerCharacteristic;
  characteristicSource: CharacteristicSource;
  /** Why the rules suggested `characteristic`; null when an agent chose it (or nothing was suggested yet). */
  characteristicReason: CharacteristicReason | null;
  language: Language;
  email: string | null;
  phone: string | null;
  /** Set while merged into another customer (docs/customers.md); the row stays so an undo restores it. */
  mergedIntoId: number | null;
  createdAt: Instant;
  updatedAt: Instant;
}

/** One way of reaching a customer: a channel and the id that channel knows them by. */
export interface Identity {
  id: number;
  customerId: number;
  channel: ChannelKind;
  externalId: string;
  displayName: string | null;
  /** E.164, when the channel or the site gave a number (identity-keys.rules.ts). */
  phone: string | null;
  /** Trimmed and lower-cased. */
  email: string | null;
  /** Instagram @username without the @. */
  username: string | null;
  /** The channel or the site vouches for `phone` / `email`: only verified keys join customers by themselves. */
  verified: boolean;
  /** When the customer last wrote from this identity (channel windows start here). */
  lastInboundAt: Instant | null;
  /** Set when the channel said this person cannot be reached (blocked us, deactivated); cleared when they write. */
  unreachableAt: Instant | null;
  createdAt: Instant;
}

export type CustomerBrief = Pick<Customer, 'id' | 'name' | 'type' | 'characteristic' | 'language'>;
