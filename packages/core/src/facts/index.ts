export * from './fact.types.ts';
