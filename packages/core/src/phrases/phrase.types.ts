import type { CustomerCharacteristic, Language } from '../customers/customer.types.ts';
import type { Instant } from '../shared/instant.ts';
import type { WorkflowStage } from '../tickets/ticket.types.ts';

/** A phrase's tone: neutral, or written for one customer characteristic. */
export const phraseTones = ['neutral', 'new', 'potential', 'impulsive', 'thrifty', 'loyal', 'growing'] as const satisfies readonly ('neutral' | CustomerCharacteristic)[];
export type PhraseTone = (typeof phraseTones)[number];

/** `high` variants are picked when the customer's anger or urgency reads high. */
export const phraseIntensities = ['normal', 'high'] as const;
export type PhraseIntensity = (typeof phraseIntensities)[number];

/** Placeholders a phrase may use, written `{customer_name}`; any other `{…}` is refused when saved. */
export const phrasePlaceholders = ['customer_name', 'order_number', 'topic', 'agent_name'] as const;
export type PhrasePlaceholder = (typeof phrasePlaceholders)[number];

/**
 * One variant of a phrase. Variants sharing a `key` say the same thing in another language, tone or
 * intensity; the bank offers the variant that fits the customer best.
 */
export interface Phrase {
  id: number;
  key: string;
  stage: WorkflowStage;
  language: Language;
  tone: PhraseTone;
  intensity: PhraseIntensity;
  /** For `fault` other than ours: wording that explains informatively instead of apologising. */
  notOurFault: boolean;
  title: string;
  body: string;
  createdAt: Instant;
  updatedAt: Instant;
}

export type NewPhrase = Omit<Phrase, 'id' | 'createdAt' | 'updatedAt'>;
