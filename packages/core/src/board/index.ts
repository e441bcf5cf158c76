export type * from './board.types.ts';
export * from './board.rules.ts';
export * from './board.usecases.ts';
