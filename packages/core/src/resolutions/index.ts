export * from './resolution.types.ts';
export * from './similar-case.rules.ts';
export * from './search-text.rules.ts';
