export * from './stage.types.ts';
export * from './workflow.types.ts';
export * from './stage-definitions.ts';
export * from './stage-machine.rules.ts';
export * from './workflow-snapshot.ts';
export * from './workflow.usecases.ts';
export * from './workflow-settings.usecases.ts';
