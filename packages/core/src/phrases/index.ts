export * from './phrase.types.ts';
export * from './placeholders.rules.ts';
export * from './phrase-bank.rules.ts';
export * from './default-phrases.ts';
export * from './phrases.usecases.ts';
