import type { Language } from '../customers/customer.types.ts';

/** Text an admin writes once per console language (categories, fact labels, suggested questions). */
export type LocalizedText = Record<Language, string>;
