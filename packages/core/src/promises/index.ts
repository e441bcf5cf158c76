export * from './promise.types.ts';
export * from './due-suggestion.rules.ts';
export * from './promises.usecases.ts';
export * from './promise-jobs.usecases.ts';
