import type { Instant } from '../shared/instant.ts';
import type { LocalizedText } from '../shared/localized.ts';

/**
 * Kinds of fact the extractor can find in a customer's words by pattern; `text` facts (what failed, the
 * product) are only ever typed by the agent.
 */
export const factKinds = ['order_number', 'date', 'amount', 'phone', 'tracking_number', 'email', 'text'] as const;
export type FactKind = (typeof factKinds)[number];

export interface FactDefinition {
  /** Stable key within the category (`order_number`, `what_failed` …); `[a-z][a-z0-9_]{1,39}`. */
  key: string;
  kind: FactKind;
  label: LocalizedText;
  /** The question an agent can send when the fact is missing. */
  question: LocalizedText;
  required: boolean;
}

/** A complaint category with the checklist of facts stage 2 gathers; admins edit them. */
export interface ComplaintCategory {
  key: string;
  label: LocalizedText;
  facts: FactDefinition[];
  position: number;
  /** Archived categories stay on the tickets that used them but are not offered any more. */
  archived: boolean;
  updatedAt: Instant;
}

/** A fact the agent confirmed (typed, or accepted from a proposal). */
export interface TicketFact {
  ticketId: number;
  key: string;
  value: string;
  /** 'detected' when confirmed from a proposal found in a customer message. */
  source: 'agent' | 'detected';
  sourceMessageId: number | null;
  confirmedBy: number | null;
  confirmedAt: Instant;
}

/** A fact found in a customer's message by pattern, waiting for one-key confirmation. */
export interface ProposedFact {
  kind: Exclude<FactKind, 'text'>;
  /** Normalised value (`INV-20931`, `2026-11-30`, `45000`, `+6281234567890`). */
  value: string;
  /** The text as the customer wrote it. */
  raw: string;
  messageId: number;
  /** Character offsets of `raw` in the message body, for highlighting. */
  start: number;
  end: number;
}
