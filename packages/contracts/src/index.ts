export * from './common.schemas.ts';
export * from './domain.schemas.ts';
export * from './http.schemas.ts';
export * from './realtime.events.ts';
export * from './channels.schemas.ts';
export * from './api-channel.schemas.ts';
export * from './api-channel-admin.schemas.ts';
export * from './text.rules.ts';
