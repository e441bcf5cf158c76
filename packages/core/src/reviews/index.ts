export * from './review.types.ts';
