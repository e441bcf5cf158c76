export * from './phrase.types.ts';
