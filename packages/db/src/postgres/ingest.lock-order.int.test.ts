import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import pg from 'pg';
import { ingestEvents, type CoreDeps, type Database, type InboundEvent } from '@keluh/core';
import { openTestDatabase, reopenTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { fakeClock, recordingPublisher, T0 } from '../testing/fixtures.ts';

/*
 * Found by the chaos run on PostgreSQL with two processes: Meta batches several customers into one POST
 * (channels.md §1.3) in no particular order, and a transaction storing a batch locks each customer's
 * identity and ticket as it reaches them. Two batches naming the same customers in opposite orders then
 * each hold what the other needs next: a deadlock, which PostgreSQL only breaks after deadlock_timeout
 * (1 s) by failing one of them. Under a burst the retries collide again, deliveries pass Meta's timeout
 * and are redelivered, and ingest crawls.
 */

const CUSTOMERS = ['6281300000001', '6281300000002', '6281300000003', '6281300000004'];

function batch(tag: string, senders: string[]): InboundEvent[] {
  return senders.map((sender, index) => ({
    kind: 'message',
    channel: 'whatsapp',
    externalMessageId: `wamid.${tag}.${index}`,
    sender: { externalId: sender },
    body: `${tag} ${index}`,
    sentAt: T0,
  }));
}

async function deadlocks(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ deadlocks: string }>('select deadlocks from pg_stat_database where datname = current_database()');
    return Number(rows[0]!.deadlocks);
  } finally {
    await client.end();
  }
}

describe('webhook batches touching the same customers, on two PostgreSQL pools at once', () => {
  let one: TestDatabase;
  let other: Database;
  beforeEach(async () => {
    one = await openTestDatabase();
    other = await reopenTestDatabase(one.url);
  });
  afterEach(async () => {
    await other.close();
    await one.close();
  });

  it('batches naming the customers in opposite orders wait for each other instead of deadlocking', async () => {
    const deps = (db: Database): CoreDeps => ({ db, clock: fakeClock(T0, 0), events: recordingPublisher() });
    // Every customer exists already: what collides are the identity and ticket rows each batch updates.
    await ingestEvents(deps(one), batch('first', CUSTOMERS));
    const before = await deadlocks(one.url);

    const forwards = [...CUSTOMERS];
    const backwards = [...CUSTOMERS].reverse();
    await Promise.all(
      Array.from({ length: 12 }, (_, round) => [
        ingestEvents(deps(one), batch(`f${round}`, forwards)),
        ingestEvents(deps(other), batch(`b${round}`, backwards)),
      ]).flat(),
    );

    expect(await deadlocks(one.url)).toBe(before);
    for (const customer of CUSTOMERS) {
      const identity = await one.identities.findByExternalId('whatsapp', customer);
      const [ticket] = await one.tickets.listForCustomer(identity!.customerId);
      expect((await one.messages.listForTicket(ticket!.id)).length).toBe(1 + 24);
    }
  });
});
