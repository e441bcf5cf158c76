export * from './search.types.ts';
export * from './indonesian-terms.rules.ts';
export * from './search-query.rules.ts';
export * from './search-hits.rules.ts';
export * from './search.usecases.ts';
