export * from './stage.types.ts';
export * from './workflow.types.ts';
