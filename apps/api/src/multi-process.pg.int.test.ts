import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { AGENT_NAMESPACE, type AgentEvent } from '@keluh/contracts';
import type { Database } from '@keluh/core';
import { openPostgresDatabase } from '@keluh/db';
import { createPostgresTestDatabase, type PostgresTestDatabase } from '@keluh/db/testing';
import { createMetaSim, wa, waInbound, type MetaSim, type WaCustomer } from '@keluh/meta-sim';
// @ts-expect-error: a plain .mjs helper shared with the test command, without type declarations.
import { startThrowawayRedis } from '../../../scripts/services/throwaway-redis.mjs';
import { startCluster, type Cluster } from './testing/cluster.ts';
import { verifyChaos } from './testing/chaos/chaos-verify.ts';
import type { PlannedDelivery, TrafficPlan } from './testing/chaos/chaos-traffic.ts';
import type { ReplyAttempt } from './testing/chaos/chaos-agents.ts';

/*
 * Issue 8's multi-process test: two real API processes (as `npm start` runs them) on one PostgreSQL
 * database and one Redis, started at the same moment on an empty database, as docker-compose starts them.
 * PostgreSQL only (the `server-pg` project): SQLite is the one-box engine.
 */


const CUSTOMERS: WaCustomer[] = Array.from({ length: 50 }, (_, index) => ({ name: `Pelanggan ${index}`, waId: `6281255${String(index).padStart(6, '0')}` }));

async function eventually(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Up to `width` at once, in order. */
async function inParallel<T>(items: T[], width: number, each: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    for (let index = next++; index < items.length; index = next++) await each(items[index]!, index);
  }));
}

describe('two API processes on one PostgreSQL database and one Redis', () => {
  let redis: { url: string; stop(): void };
  let database: PostgresTestDatabase;
  let sim: MetaSim;
  let cluster: Cluster;
  let db: Database;
  let token: string;
  const ingested: TrafficPlan = { customers: CUSTOMERS, messages: [], deliveries: [] };

  beforeAll(async () => {
    redis = await startThrowawayRedis();
    database = await createPostgresTestDatabase();
    sim = createMetaSim({});
    await sim.start();
    cluster = await startCluster({ processes: 2, databaseUrl: database.url, redisUrl: redis.url, sim });
    sim.knobs.whatsapp.webhookUrl = cluster.webhookUrl(1, 'whatsapp');
    db = await openPostgresDatabase(database.url, { poolSize: 2 });
    token = await cluster.signIn(0);
  }, 60_000);

  afterAll(async () => {
    await db?.close();
    await cluster?.stop();
    await sim?.stop();
    await database?.drop();
    redis?.stop();
  });

  it('both start at the same moment on an empty database: one admin, and one visitor-token secret they share', async () => {
    expect(await db.users.count()).toBe(1);
    expect(await cluster.signIn(1)).toEqual(expect.any(String));
    const session = await fetch(`${cluster.nodes[0]!.url}/api/widget/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    const { visitorToken } = (await session.json()) as { visitorToken: string };
    const elsewhere = await fetch(`${cluster.nodes[1]!.url}/api/widget/conversation`, { headers: { authorization: `Bearer ${visitorToken}` } });
    expect(elsewhere.status).toBe(200);
  });

  it('a WhatsApp message posted to process A reaches an agent socket connected to process B', async () => {
    const socket: Socket = io(`${cluster.nodes[1]!.url}${AGENT_NAMESPACE}`, { auth: { token }, transports: ['websocket'], reconnection: false });
    try {
      await new Promise<void>((resolve, reject) => (socket.once('connect', resolve), socket.once('connect_error', reject)));
      const arrived = new Promise<AgentEvent>((resolve) =>
        socket.on('events', (events: AgentEvent[]) => {
          const created = events.find((event) => event.type === 'message.created' && event.payload.message.externalId === 'wamid.cross-process');
          if (created) resolve(created);
        }),
      );
      ingested.messages.push({ wamid: 'wamid.cross-process', customer: 0, body: 'Halo dari proses A' });
      const payload = waInbound(sim.webhooks.whatsapp.business, CUSTOMERS[0]!, [wa.text('Halo dari proses A', { id: 'wamid.cross-process' })]);
      const report = await sim.webhooks.whatsapp.deliver(payload, { url: cluster.webhookUrl(0, 'whatsapp') });
      expect(report.delivered).toBe(true);
      const event = await Promise.race([arrived, new Promise<null>((resolve) => setTimeout(() => resolve(null), 5_000))]);
      expect(event, 'no message.created on the socket of process B within 5 s').not.toBeNull();
    } finally {
      socket.close();
    }
  });

  it('500 webhooks split across both, a fifth of them delivered to both at once, store each message once', async () => {
    const deliveries: PlannedDelivery[] = Array.from({ length: 500 }, (_, index) => {
      const customer = index % CUSTOMERS.length;
      const wamid = `wamid.split.${index}`;
      ingested.messages.push({ wamid, customer, body: `keluhan ${index}` });
      const payload = waInbound(sim.webhooks.whatsapp.business, CUSTOMERS[customer]!, [wa.text(`keluhan ${index}`, { id: wamid })]);
      return { payload, wamids: [wamid], duplicate: index % 5 === 0 ? 'concurrent' : 'none', node: index % 2 };
    });
    ingested.deliveries = deliveries;
    const undelivered: string[] = [];
    await inParallel(deliveries, 16, async (delivery) => {
      const targets = delivery.duplicate === 'concurrent' ? [0, 1] : [delivery.node];
      const reports = await Promise.all(targets.map((node) => sim.webhooks.whatsapp.deliver(delivery.payload, { url: cluster.webhookUrl(node, 'whatsapp') })));
      for (const report of reports) if (!report.delivered) undelivered.push(delivery.wamids[0]!);
    });
    expect(undelivered).toEqual([]);

    const verification = await verifyChaos(db, ingested, [], [], Date.now());
    expect(verification.problems).toEqual([]);
    expect(verification.inboundStored).toBe(ingested.messages.length);
  }, 60_000);

  it('100 replies queued on both processes are each sent exactly once', async () => {
    const tickets = await Promise.all(
      CUSTOMERS.map(async (customer) => {
        const identity = await db.identities.findByExternalId('whatsapp', customer.waId!);
        return (await db.tickets.listForCustomer(identity!.customerId))[0]!.id;
      }),
    );
    const replies: ReplyAttempt[] = [];
    await inParallel(
      Array.from({ length: 100 }, (_, index) => index),
      10,
      async (index) => {
        const node = cluster.nodes[index % 2]!;
        const body = `balasan ${index} untuk tiket ${tickets[index % tickets.length]}`;
        const response = await fetch(`${node.url}/api/tickets/${tickets[index % tickets.length]}/messages`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ body }),
        });
        const answer = (await response.json()) as { id?: number };
        replies.push({ body, node: node.index, outcome: response.status === 201 ? 'queued' : 'refused', messageId: answer.id!, detail: String(response.status) });
      },
    );
    expect(replies.filter((reply) => reply.outcome !== 'queued')).toEqual([]);

    // Both outbox workers race for the same rows: the sends split between them, each reply going once.
    await eventually(async () => sim.state.sent.length >= 100 && (await db.outbox.listPending(1)).length === 0, 40_000, 'the outbox to drain');
    await sim.settle(10_000);
    const verification = await verifyChaos(db, ingested, replies, sim.state.sent, Date.now());
    expect(verification.problems).toEqual([]);
    expect(sim.state.sent).toHaveLength(100);
    expect(verification.repliesSent).toBe(100);
  }, 60_000);
});
