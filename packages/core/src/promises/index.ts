export * from './promise.types.ts';
export * from './due-suggestion.rules.ts';
