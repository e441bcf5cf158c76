export * from './team.rules.ts';
export * from './teams-admin.usecases.ts';
export * from './channel-routing.usecases.ts';
