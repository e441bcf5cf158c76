import type { Instant } from '../shared/instant.ts';

/** Admin-defined, typed fields on a customer (docs/customers.md §Profile). */
export const customerAttributeTypes = ['text', 'number', 'date', 'boolean', 'choice'] as const;
export type CustomerAttributeType = (typeof customerAttributeTypes)[number];

/** Stored as JSON: text, choice and date (`YYYY-MM-DD`) are strings. */
export type CustomerAttributeValue = string | number | boolean;

export interface CustomerAttributeDef {
  /** `[a-z][a-z0-9_]{1,39}`, stable: values are keyed by it. */
  key: string;
  label: string;
  type: CustomerAttributeType;
  /** The allowed values of a `choice` attribute; empty for the other types. */
  choices: string[];
  position: number;
  createdAt: Instant;
  updatedAt: Instant;
}

export interface CustomerAttribute {
  customerId: number;
  key: string;
  value: CustomerAttributeValue;
  updatedAt: Instant;
}

export interface CustomerNote {
  id: number;
  customerId: number;
  authorUserId: number;
  authorName: string;
  body: string;
  createdAt: Instant;
}
