/**
 * The supervisors' data set: 100,000 tickets with 1,000,000 messages over 90 days, three teams in WIB, WITA
 * and WIT, 24 agents, 70,000 customers (types and characteristics), stage transitions, promises, reviews,
 * the event log, and the report rollups exactly as core's fold makes them — folded here from the same
 * domain events, in memory, so seeding takes minutes instead of replaying a million events through the API.
 *
 * Event rows carry a compact payload (`{"bench":1}`): the log's size and ids are real, the full payloads
 * (a ticket view per event, ~1.5 kB) would only make the file gigabytes without changing what is timed.
 */
import { combineDeltas, defaultWindows, foldEvents, indonesiaHolidays2026, rollupKey, type BusinessCalendar, type NewDomainEvent, type RollupDelta, type ReportTicketState } from '@keluh/core';
import { historyMessage, rated, settled, slaClock, stageMoved, ticketView, type TicketSpec } from '@keluh/db/testing';
import type { BulkWriter } from './bulk-writer.ts';

/** Bump when the data set changes: the cached SQLite file is keyed by it. */
export const SUPERVISOR_SEED_VERSION = 5;
// The seeded teams have no calendar of their own: the server counts them on the default week and the shipped 2026 list.
const teamCalendar: BusinessCalendar = { timeZone: 'Asia/Jakarta', windows: [...defaultWindows], holidays: [...indonesiaHolidays2026] };
export const SEED_TICKETS = 100_000;
export const SEED_START = '2026-01-01T00:00:00.000Z';
export const SEED_DAYS = 90;
const CUSTOMERS = 70_000;
const HOUR = 3_600_000;
export const SEED_TEAMS = [
  { id: 1, name: 'Jakarta', zone: 'Asia/Jakarta' },
  { id: 2, name: 'Makassar', zone: 'Asia/Makassar' },
  { id: 3, name: 'Jayapura', zone: 'Asia/Jayapura' },
] as const;
const AGENTS_PER_TEAM = 8;
const types = ['external', 'external', 'external', 'intermediary', 'internal'] as const;
const characteristics = ['new', 'potential', 'impulsive', 'thrifty', 'loyal', 'growing'] as const;
const channels = ['whatsapp', 'whatsapp', 'instagram', 'webchat'] as const;
const scores = [1, 2, 3, 3, 4, 4, 4, 5, 5, 5, 5] as const;

function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const iso = (ms: number) => new Date(ms).toISOString();
const pick = <T>(list: readonly T[], r: number) => list[Math.floor(r * list.length)]!;

export interface SeedCounts {
  tickets: number;
  messages: number;
  events: number;
  rollups: number;
}

/**
 * Writes the data set through `writer` into a database the server has started on once (migrated, admin id 1
 * created from the bench's ADMIN_PASSWORD) and whose teams were then cleared (SERVER_TEAMS_CLEARED): the
 * seed's teams take ids 1–3. The agents sign in with the admin's hash.
 */
/** Run before seeding: the server's first start made a default team (and the admin's membership of it). */
export const SERVER_TEAMS_CLEARED = ['UPDATE users SET team_id = NULL', 'DELETE FROM team_members', 'DELETE FROM teams'];

export async function seedSupervisorData(writer: BulkWriter, adminHash: string, options: { tickets?: number } = {}): Promise<SeedCounts> {
  const total = options.tickets ?? SEED_TICKETS;
  const random = prng(20_261_201);
  const start = Date.parse(SEED_START);
  const span = SEED_DAYS * 24 * HOUR;
  for (const team of SEED_TEAMS) await writer.row('teams', ['id', 'name', 'time_zone', 'assignment_mode', 'default_capacity', 'created_at'], [team.id, team.name, team.zone, 'balanced', 5, SEED_START]);
  for (let a = 0; a < SEED_TEAMS.length * AGENTS_PER_TEAM; a += 1) {
    await writer.row('users', ['id', 'email', 'name', 'role', 'password_hash', 'language', 'team_id', 'created_at'], [a + 2, `agent${a + 1}@bench.test`, `Agen ${a + 1}`, 'agent', adminHash, 'id', Math.floor(a / AGENTS_PER_TEAM) + 1, SEED_START]);
  }
  // A home team is always a membership row too (as the users repositories write it): board and assignment read these.
  for (let a = 0; a < SEED_TEAMS.length * AGENTS_PER_TEAM; a += 1) await writer.row('team_members', ['team_id', 'user_id', 'created_at'], [Math.floor(a / AGENTS_PER_TEAM) + 1, a + 2, SEED_START]);
  for (let c = 1; c <= CUSTOMERS; c += 1) {
    await writer.row('customers', ['id', 'name', 'type', 'characteristic', 'language', 'created_at', 'updated_at'], [c, `Pelanggan ${c}`, types[c % types.length], characteristics[c % characteristics.length], 'id', SEED_START, SEED_START]);
  }
  await writer.commit();

  const rollups = new Map<string, RollupDelta>();
  const counts: SeedCounts = { tickets: 0, messages: 0, events: 0, rollups: 0 };
  let messageId = 0;
  let transitionId = 0;
  const flushRollups = async (before: string | null) => {
    for (const [key, row] of rollups) {
      if (before !== null && row.hour >= before) continue;
      await writer.row('report_rollups', ['key', 'span', 'hour', 'metric', 'grouping', 'team_id', 'channel', 'agent_id', 'customer_type', 'characteristic', 'count', 'sum', 'histogram'], [key, row.span, row.hour, row.metric, row.grouping, row.teamId, row.channel, row.agentId, row.customerType, row.characteristic, row.count, row.sum, JSON.stringify(row.histogram)]);
      rollups.delete(key);
      counts.rollups += 1;
    }
  };

  const CHUNK = 2000;
  for (let first = 0; first < total; first += CHUNK) {
    const events: [string, NewDomainEvent][] = [];
    for (let i = first; i < Math.min(total, first + CHUNK); i += 1) {
      const id = i + 1;
      const team = SEED_TEAMS[i % SEED_TEAMS.length]!;
      const agent = 2 + (team.id - 1) * AGENTS_PER_TEAM + Math.floor(random() * AGENTS_PER_TEAM);
      const customerId = (i % CUSTOMERS) + 1;
      const opened = start + Math.floor((i * span) / total) + Math.floor(random() * 600_000);
      const spec: TicketSpec = { id, channel: pick(channels, random()), teamId: team.id, assigneeId: agent, customerType: types[customerId % types.length]!, characteristic: characteristics[customerId % characteristics.length]!, createdAt: iso(opened) };
      const view = { ...ticketView(spec), customerId, customer: { ...ticketView(spec).customer, id: customerId } };
      events.push([spec.createdAt, { type: 'ticket.created', ticketId: id, customerId, payload: { ticket: view } }]);
      // 8–12 messages (10 on average): the customer writes, the assignee answers after 20 s to 2 h.
      let at = opened;
      let firstDelay = 0;
      // Children wait until the ticket row (written once its last message is known) is buffered first.
      const children: [string, readonly string[], unknown[]][] = [];
      const messageCount = 8 + (i % 5);
      for (let m = 0; m < messageCount; m += 1) {
        const inbound = m % 2 === 0;
        if (!inbound) {
          const delay = 20_000 + Math.floor(random() ** 2 * 2 * HOUR);
          if (m === 1) firstDelay = delay;
          at += delay;
        } else if (m > 0) at += 300_000 + Math.floor(random() * HOUR);
        messageId += 1;
        const message = { ...historyMessage(spec, iso(at), inbound ? 'customer' : 'agent', inbound ? null : agent), id: messageId };
        children.push(['messages', ['id', 'ticket_id', 'direction', 'author_kind', 'author_user_id', 'channel', 'body', 'status', 'sent_at', 'created_at', 'updated_at'], [messageId, id, message.direction, message.authorKind, message.authorUserId, spec.channel, inbound ? 'Pesanan saya belum sampai, mohon dicek' : 'Mohon maaf, kami bantu cek sekarang', message.status, message.sentAt, message.createdAt, message.createdAt]]);
        events.push([message.createdAt, { type: 'message.created', ticketId: id, customerId, payload: { message, ticket: view } }]);
      }
      const open = i >= total - 200;
      const resolvedAt = at + 600_000;
      let stageAt = opened;
      const moves = 1 + Math.floor(random() * 4);
      for (let s = 1; s <= moves; s += 1) {
        const dwell = 60 + Math.floor(random() * 7200);
        stageAt += dwell * 1000;
        transitionId += 1;
        children.push(['stage_transitions', ['id', 'ticket_id', 'from_stage', 'to_stage', 'direction', 'by_user_id', 'override', 'missing', 'dwell_ms', 'at'], [transitionId, id, s, s + 1, 'forward', agent, false, '[]', dwell * 1000, iso(stageAt)]]);
        events.push([iso(stageAt), stageMoved(spec, s as 1, dwell, iso(stageAt))]);
      }
      await writer.row('tickets', ['id', 'customer_id', 'subject', 'status', 'stage', 'priority', 'assignee_id', 'team_id', 'channel', 'last_channel', 'last_message_at', 'last_message_preview', 'last_inbound_at', 'first_response_at', 'resolved_at', 'created_at', 'updated_at'], [id, customerId, `Keluhan ${id}`, open ? 'open' : 'resolved', moves + 1, 'normal', agent, team.id, spec.channel, spec.channel, iso(at), 'Mohon maaf, kami bantu cek sekarang', iso(at), iso(opened + firstDelay), open ? null : iso(resolvedAt), spec.createdAt, iso(open ? at : resolvedAt)]);
      for (const [table, columns, values] of children) await writer.row(table, columns, values);
      if (open) continue;
      events.push([iso(resolvedAt), { type: 'ticket.updated', ticketId: id, customerId, payload: { ticket: { ...view, status: 'resolved', resolvedAt: iso(resolvedAt) }, changes: ['status'] } }]);
      const clocks = [
        slaClock(id, 'first_response', spec.createdAt, firstDelay <= HOUR ? { state: 'met', stoppedAt: iso(opened + firstDelay) } : { state: 'breached', breachedAt: iso(opened + HOUR) }),
        slaClock(id, 'resolution', spec.createdAt, resolvedAt - opened <= 24 * HOUR ? { state: 'met', stoppedAt: iso(resolvedAt) } : { state: 'breached', breachedAt: iso(opened + 24 * HOUR) }),
      ];
      events.push([iso(resolvedAt), { type: 'sla.updated', ticketId: id, customerId, payload: { ticketId: id, clocks, change: 'recomputed' } }]);
      if (random() < 0.3) {
        const promiseAt = iso(opened + 12 * HOUR);
        const state = random() < 0.8 ? 'kept' : 'broken';
        await writer.row('promises', ['id', 'ticket_id', 'text', 'due_at', 'owner_user_id', 'state', 'created_by', 'created_at', 'settled_at', 'settled_by'], [id, id, 'Paket pengganti dikirim besok', promiseAt, agent, state, agent, spec.createdAt, promiseAt, agent]);
        events.push([promiseAt, { type: 'promise.updated', ticketId: id, customerId, payload: { promise: settled(spec, agent, state, promiseAt), change: state } }]);
      }
      if (random() < 0.4) {
        const score = pick(scores, random());
        const ratedAt = iso(resolvedAt + 1_800_000);
        await writer.row('reviews', ['id', 'ticket_id', 'customer_id', 'channel', 'state', 'score', 'requested_by', 'requested_at', 'rated_at', 'updated_at'], [id, id, customerId, spec.channel, 'rated', score, agent, iso(resolvedAt), ratedAt, ratedAt]);
        events.push([ratedAt, { type: 'review.updated', ticketId: id, customerId, payload: { review: { ...rated(spec, score, ratedAt), customerId }, change: 'rated' } }]);
      }
      counts.tickets += 1;
    }
    // The log is in id order, which is time order within the chunk.
    events.sort((a, b) => a[0].localeCompare(b[0]));
    const stored = events.map(([at, event]) => {
      counts.events += 1;
      // The bench reads reports and the board, never replays: the log's scope columns stay empty here.
      return { ...event, id: counts.events, createdAt: at, teamId: null, assigneeId: null };
    });
    for (const event of stored) await writer.row('events', ['id', 'type', 'ticket_id', 'customer_id', 'payload', 'created_at'], [event.id, event.type, event.ticketId, event.customerId, '{"bench":1}', event.createdAt]);
    // Each ticket's events are all in this chunk, so the fold starts every chunk without ticket states. Every
    // seeded clock is final once, so its outcome counts without the fold's outcome table.
    const folded = foldEvents(stored, new Map<number, ReportTicketState>(), () => teamCalendar);
    for (const delta of combineDeltas([...folded.deltas, ...folded.slaOutcomes.map((outcome) => outcome.delta)])) {
      const key = rollupKey(delta);
      const into = rollups.get(key);
      if (!into) rollups.set(key, delta);
      else {
        into.count += delta.count;
        into.sum += delta.sum;
        for (const [bucket, n] of Object.entries(delta.histogram)) into.histogram[bucket] = (into.histogram[bucket] ?? 0) + n;
      }
    }
    // Everything a ticket contributes lands within three days of its opening: older hours are final.
    await flushRollups(iso(start + Math.floor((first * span) / total) - 72 * HOUR));
    await writer.commit();
  }
  await flushRollups(null);
  await writer.row('report_fold_cursor', ['name', 'last_event_id'], ['rollups', counts.events]);
  await writer.commit();
  counts.messages = messageId;
  return counts;
}
