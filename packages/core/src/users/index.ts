export * from './users-admin.usecases.ts';
