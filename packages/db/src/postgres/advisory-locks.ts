import { sql } from 'drizzle-orm';
import type { PgDb } from './pg-db.ts';

/*
 * Every advisory lock this application takes, in one place so keys never collide. PostgreSQL keeps
 * one-bigint keys and (int, int) keys apart, so the per-id locks below cannot meet the two constants.
 */

/** The ASCII bytes of "keluh" as one number: a key no other advisory-lock user is likely to pick. */
export const EVENT_LOG_LOCK_KEY = 0x6b656c7568;

/** Held (per session) while migrating, so two processes starting at once migrate one after the other. */
export const MIGRATION_LOCK_KEY = EVENT_LOG_LOCK_KEY + 1;

/** The first half of the (int, int) keys that stand for one channel message id ("kelu"). */
const EXTERNAL_ID_NAMESPACE = 0x6b656c75;

/** The text a channel id's lock is keyed by (hashed into the second half of the key). */
export const channelIdKey = (channel: string, externalId: string): string => `${channel}:${externalId}`;

/** Held until the transaction ends: see the events repository for why positions need it. */
export async function lockEventLog(tx: PgDb): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${sql.raw(String(EVENT_LOG_LOCK_KEY))})`);
}

/**
 * Holds one channel message id until the transaction ends. Hash collisions only make two unrelated ids
 * wait for each other, never let two holders of one id through.
 */
export async function lockExternalId(tx: PgDb, channel: string, externalId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${sql.raw(String(EXTERNAL_ID_NAMESPACE))}, hashtext(${channelIdKey(channel, externalId)}))`);
}

/**
 * Holds many channel ids at once, in the order of their keys (the same order in every process), with the
 * same locks lockExternalId takes — so holding an id here and looking it up later is one lock, not two.
 * The sorted subquery feeds the aggregate row by row, so the locks are taken in that order.
 */
export async function lockExternalIds(tx: PgDb, ids: readonly { channel: string; externalId: string }[]): Promise<void> {
  const keys = [...new Set(ids.map((id) => channelIdKey(id.channel, id.externalId)))];
  if (keys.length === 0) return;
  await tx.execute(
    // One jsonb parameter (drizzle would spread an array into a parameter per element).
    sql`select count(pg_advisory_xact_lock(${sql.raw(String(EXTERNAL_ID_NAMESPACE))}, hashtext(k))) from (select k from jsonb_array_elements_text(${JSON.stringify(keys)}::jsonb) as k order by k collate "C") ordered`,
  );
}

/** The first halves of the (int, int) keys automatic assignment holds per team ("kela") and per agent ("kelb"). */
const ASSIGNMENT_TEAM_NAMESPACE = 0x6b656c61;
const ASSIGNMENT_AGENT_NAMESPACE = 0x6b656c62;

/** Held until the transaction ends: two drains of one team take turns, so neither reads a stale backlog. */
export async function lockAssignmentTeam(tx: PgDb, teamId: number): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${sql.raw(String(ASSIGNMENT_TEAM_NAMESPACE))}, ${teamId}::int)`);
}

/**
 * Held until the transaction ends: every automatic assignment to one agent (from any team's drain)
 * counts their load after taking it, so two cannot both see room for the last slot. An advisory lock
 * rather than FOR UPDATE on the user row, which would also block every insert referencing the user.
 */
export async function lockAssignmentAgent(tx: PgDb, userId: number): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${sql.raw(String(ASSIGNMENT_AGENT_NAMESPACE))}, ${userId}::int)`);
}
