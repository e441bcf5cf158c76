export * from './story.types.ts';
export * from './story.rules.ts';
export * from './story.usecases.ts';
