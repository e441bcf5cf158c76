export * from './assignment.types.ts';
export * from './assignment.rules.ts';
export * from './assignment.usecases.ts';
export * from './assignment-jobs.usecases.ts';
export * from './presence.rules.ts';
export * from './presence.usecases.ts';
