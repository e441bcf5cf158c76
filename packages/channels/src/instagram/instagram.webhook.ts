import { AppError, type InboundEvent } from '@keluh/core';
import { mapMessagingItem } from './instagram.events.ts';
import { asId, asRecord, metaInstant, type Json } from './instagram.payload.ts';
import type { InstagramSettings } from './instagram.settings.ts';

/**
 * `entry[].id` of events sent with the App Dashboard's "Test" button ([O] `[cw-ig-job]`). They are kept
 * (flagged `context.dashboardTest`) so an admin testing the callback sees something arrive (case 23).
 */
export const INSTAGRAM_DASHBOARD_TEST_ID = '0';

/**
 * Turns one authenticated Instagram webhook body into inbound events (channels.md §3.3).
 *
 * Only a broken envelope is refused. Inside a well-formed envelope an item we cannot use (an unknown
 * event key, a message without a mid) is skipped rather than failing the whole POST: a non-200 makes
 * Meta redeliver the batch, and on path B an hour of failures unsubscribes the account (§3.5).
 */
export function parseInstagramWebhook(body: unknown, settings: Pick<InstagramSettings, 'accountId'>): InboundEvent[] {
  const envelope = asRecord(body);
  if (!envelope) throw invalid('The webhook body is not a JSON object');
  if (envelope.object !== 'instagram') throw invalid(`Expected object "instagram", got ${JSON.stringify(envelope.object ?? null)}`);
  if (!Array.isArray(envelope.entry)) throw invalid('The webhook body has no entry[] array');

  const events: InboundEvent[] = [];
  // Meta batches up to 1000 updates per POST (§1.3): every entry and every item counts, never just [0].
  for (const [index, raw] of envelope.entry.entries()) {
    const entry = asRecord(raw);
    const id = asId(entry?.id);
    if (!entry || !id) throw invalid(`entry[${index}] has no id`);
    const dashboardTest = id === INSTAGRAM_DASHBOARD_TEST_ID;
    // Subscriptions are app-wide (§3.1): one app can receive events for several IG accounts.
    if (id !== settings.accountId && !dashboardTest) continue;
    const context = { accountId: settings.accountId, entryTime: metaInstant(entry.time), dashboardTest };
    for (const item of entryItems(entry, index)) events.push(...mapMessagingItem(item, context));
  }
  return events;
}

/**
 * The three places a messaging event can sit (§3.3): `messaging[]` (normal), `standby[]` (path B
 * handover, [O]) and the dashboard-test `changes[]` shape whose `value` is one messaging event ([O]).
 */
function entryItems(entry: Json, index: number): Json[] {
  const items: Json[] = [];
  for (const key of ['messaging', 'standby'] as const) {
    const list = entry[key];
    if (list === undefined) continue;
    if (!Array.isArray(list)) throw invalid(`entry[${index}].${key} is not an array`);
    for (const item of list) {
      const record = asRecord(item);
      if (record) items.push(record);
    }
  }
  const changes = entry.changes;
  if (changes !== undefined) {
    if (!Array.isArray(changes)) throw invalid(`entry[${index}].changes is not an array`);
    for (const change of changes) {
      const record = asRecord(change);
      const value = asRecord(record?.value);
      // Other fields (comments, mentions, story_insights) are not conversations (§3.1): ignored.
      if (record?.field === 'messages' && value) items.push(value);
    }
  }
  return items;
}

function invalid(message: string): AppError {
  return new AppError('webhook.invalid_payload', message);
}
