import { readFileSync } from 'node:fs';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '@keluh/core';
import { openDatabase } from '../open-database.ts';
import { heldTransaction, settlesWithin } from '../testing/held-transaction.ts';
import { createPostgresTestDatabase, type PostgresTestDatabase } from '../testing/postgres-test-database.ts';
import { seedTicket, T0 } from '../testing/fixtures.ts';
import { openPostgresDatabase } from './open-postgres.ts';

const journal = JSON.parse(readFileSync(new URL('../../migrations/postgres/meta/_journal.json', import.meta.url), 'utf8')) as { entries: unknown[] };
const migrationCount = journal.entries.length;

describe('opening a PostgreSQL database', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function database(options: { empty?: boolean } = {}): Promise<PostgresTestDatabase> {
    const created = await createPostgresTestDatabase(options);
    cleanups.push(created.drop);
    return created;
  }

  async function open(url: string, poolSize?: number): Promise<Database> {
    const db = await openPostgresDatabase(url, poolSize === undefined ? {} : { poolSize });
    cleanups.push(() => db.close());
    return db;
  }

  it('DATABASE_URL=postgres:// or postgresql:// selects PostgreSQL', async () => {
    const { url } = await database();
    for (const scheme of ['postgres', 'postgresql']) {
      const db = await openDatabase(url.replace(/^postgres(ql)?/, scheme));
      cleanups.push(() => db.close());
      expect(db.dialect).toBe('postgres');
      expect(await db.customers.create({ name: `via ${scheme}` }, T0)).toMatchObject({ name: `via ${scheme}`, createdAt: T0 });
    }
  });

  it('a new, empty database is migrated at open, and two processes starting at once migrate it once', async () => {
    const { url } = await database({ empty: true });
    const [a, b] = await Promise.all([open(url), open(url)]);
    const customer = await a.customers.create({ name: 'Budi' }, T0);
    expect(await b.customers.findById(customer.id)).toEqual(customer);
    const raw = new pg.Client({ connectionString: url });
    await raw.connect();
    const { rows } = await raw.query<{ n: string }>('select count(*) as n from drizzle.__drizzle_migrations');
    await raw.end();
    // Each migration recorded exactly once, not once per process.
    expect(Number(rows[0]!.n)).toBe(migrationCount);
  });

  it('opening an up-to-date database again changes nothing and keeps the data', async () => {
    const { url } = await database();
    const first = await open(url);
    await first.settings.set('widget.secret', 's3cret');
    const second = await open(url);
    expect(await second.settings.get('widget.secret')).toBe('s3cret');
  });

  it('the pool size comes from the URL: with ?pool=1 a read waits for the one connection a transaction holds', async () => {
    const { url } = await database();
    const db = await open(`${url}?pool=1`);
    const open1 = await heldTransaction(db, (tx) => tx.customers.create({ name: 'Held' }, T0));
    const read = db.customers.findById(open1.value.id);
    const readWaited = !(await settlesWithin(read, 300));
    open1.release();
    await open1.committed;
    expect(readWaited).toBe(true);
    expect(await read).toMatchObject({ name: 'Held' });
  });

  it("times read back as the same Instants whatever the session's time zone", async () => {
    const { url } = await database();
    const utc = await open(url);
    const jakarta = await open(`${url}?options=${encodeURIComponent('-c TimeZone=Asia/Jakarta')}`);
    const at = '2026-03-02T08:00:00.120Z';
    const customer = await jakarta.customers.create({ name: 'Budi' }, at);
    expect(customer).toMatchObject({ createdAt: at, updatedAt: at });
    expect(await utc.customers.findById(customer.id)).toEqual(customer);
  });

  it('an unreachable server fails the open with the driver error, leaving nothing running', async () => {
    await expect(openPostgresDatabase('postgres://keluh@127.0.0.1:1/keluh')).rejects.toThrow(/ECONNREFUSED/);
  });

  it('two transactions that deadlock are both carried out: the one PostgreSQL rolls back runs again', async () => {
    const { url } = await database();
    const db = await open(url);
    const [a, b] = [await seedTicket(db, { name: 'A' }), await seedTicket(db, { name: 'B' })];
    // Each locks its first ticket, waits until the other has too, then wants the other's: a cycle.
    let arrived = 0;
    let bothLocked!: () => void;
    const barrier = new Promise<void>((resolve) => (bothLocked = resolve));
    const attempts = { first: 0, second: 0 };
    const crosswise = (name: 'first' | 'second', mine: number, theirs: number, priority: 'high' | 'low') =>
      db.transaction(async (tx) => {
        attempts[name] += 1;
        await tx.tickets.lock(mine);
        if ((arrived += 1) === 2) bothLocked();
        await barrier;
        await tx.tickets.lock(theirs);
        await tx.tickets.update(mine, { priority }, T0);
        await tx.tickets.update(theirs, { priority }, T0);
      });
    await Promise.all([crosswise('first', a.id, b.id, 'high'), crosswise('second', b.id, a.id, 'low')]);
    expect(attempts.first + attempts.second).toBe(3);
    // The retried one ran last, so its priority is on both tickets.
    const last = attempts.first === 2 ? 'high' : 'low';
    expect((await db.tickets.findById(a.id))?.priority).toBe(last);
    expect((await db.tickets.findById(b.id))?.priority).toBe(last);
  });
});
