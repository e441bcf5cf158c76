export * from './audit.types.ts';
export * from './audit.rules.ts';
export * from './audit.usecases.ts';
export * from './channel-audit.rules.ts';
