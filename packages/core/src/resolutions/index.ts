export * from './resolution.types.ts';
