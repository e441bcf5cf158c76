export * from './users-admin.usecases.ts';
export * from './assignable-users.usecases.ts';
