export * from './emotion.types.ts';
export * from './emotion.rules.ts';
