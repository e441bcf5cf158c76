export * from './emotion.types.ts';
