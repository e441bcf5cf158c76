/*
 * The phrase bank's door to core's rules (packages/core/src/phrases/): ordering, filtering and rendering
 * are core's, so the console and the server never disagree about which wording fits a ticket.
 */
export { filterPhrases, phraseIntensityFor, phrasePlaceholders, pickVariants, renderPhrase, type PhraseContext, type PhrasePlaceholder } from '@keluh/core';
