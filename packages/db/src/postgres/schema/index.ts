/** The PostgreSQL tables: the same names and columns as the SQLite ones, in PostgreSQL's native types. */
export { teams } from './teams.table.ts';
export { users } from './users.table.ts';
export { customers } from './customers.table.ts';
export { identities } from './identities.table.ts';
export { tickets } from './tickets.table.ts';
export { messages } from './messages.table.ts';
export { events } from './events.table.ts';
export { sessions } from './sessions.table.ts';
export { outbox } from './outbox.table.ts';
export { settings } from './settings.table.ts';
export { channelConfigs } from './channel-configs.table.ts';
export { parkedStatuses } from './parked-statuses.table.ts';
export { apiChannels } from './api-channels.table.ts';
export { jobs } from './jobs.table.ts';
export { loginFailures } from './login-failures.table.ts';
export { visitorSessions } from './visitor-sessions.table.ts';
export { phrases } from './phrases.table.ts';
