export * from './team.rules.ts';
export * from './teams-admin.usecases.ts';
