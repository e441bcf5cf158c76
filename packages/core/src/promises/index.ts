export * from './promise.types.ts';
