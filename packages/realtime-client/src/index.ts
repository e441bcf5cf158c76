export { createEventSync, type EventSync, type EventSyncOptions, type LoggedEvent, type RetryPolicy, type SyncResult } from './event-sync.ts';
export { syncResultOf, type SyncReply } from './sync-reply.ts';
export { StaleCursorError, SyncRefusedError } from './sync.errors.ts';
export { linkify, safeHttpUrl, type Segment } from './linkify.ts';
