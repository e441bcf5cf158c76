export * from './fact.types.ts';
export * from './default-categories.ts';
export * from './fact-extraction.rules.ts';
export * from './fact.rules.ts';
export * from './facts.usecases.ts';
