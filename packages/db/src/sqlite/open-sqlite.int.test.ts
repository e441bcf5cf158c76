import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../open-database.ts';
import { T0 } from '../testing/fixtures.ts';
import { openSqliteDatabase } from './open-sqlite.ts';

describe('opening the embedded database', () => {
  const folders: string[] = [];
  afterEach(() => {
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });

  it('a file database runs in WAL mode, creates its folder and keeps data across a restart', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'keluh-db-'));
    folders.push(folder);
    const file = join(folder, 'nested', 'keluh.db');

    const first = openSqliteDatabase(`sqlite://${file}`);
    const customer = await first.customers.create({ name: 'Budi' }, T0);
    await first.settings.set('widget.secret', 's3cret');
    await first.close();

    const raw = new BetterSqlite3(file, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();

    const second = openSqliteDatabase(file);
    expect(await second.customers.findById(customer.id)).toMatchObject({ name: 'Budi', type: 'external' });
    expect(await second.settings.get('widget.secret')).toBe('s3cret');
    await second.close();
  });

  it('only the server’s user can read the database: a new folder is 0700, the file and its WAL and index 0600', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'keluh-db-'));
    folders.push(folder);
    const file = join(folder, 'fresh', 'keluh.db');
    const db = openSqliteDatabase(`sqlite://${file}`);
    await db.customers.create({ name: 'Budi' }, T0);
    const mode = (path: string) => statSync(path).mode & 0o777;
    expect(mode(join(folder, 'fresh'))).toBe(0o700);
    for (const path of [file, `${file}-wal`, `${file}-shm`]) expect(mode(path), path).toBe(0o600);
    await db.close();
  });

  it('an older install’s world-readable database file is tightened to 0600 when opened', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'keluh-db-'));
    folders.push(folder);
    const file = join(folder, 'keluh.db');
    await openSqliteDatabase(file).close();
    chmodSync(file, 0o644);
    const db = openSqliteDatabase(file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    await db.close();
  });

  it('a replaced value is zeroed in the file, not left behind in a free page', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'keluh-db-'));
    folders.push(folder);
    const file = join(folder, 'keluh.db');
    const db = openSqliteDatabase(file);
    await db.settings.set('a', 'neighbour');
    await db.settings.set('visitor_token_secret', 'plain-secret-from-an-old-install');
    await db.settings.set('z', 'neighbour');
    await db.close();
    const again = openSqliteDatabase(file);
    // Longer than before: the row moves and its old bytes become free space in the page.
    await again.settings.set('visitor_token_secret', `enc:v1:${'x'.repeat(80)}`);
    await again.close();
    expect(readFileSync(file).includes('plain-secret-from-an-old-install')).toBe(false);
  });

  it('every connection enforces foreign keys', async () => {
    const db = openSqliteDatabase(':memory:');
    await expect(
      db.tickets.createActiveIfAbsent({ customerId: 999, subject: 'orphan', channel: 'webchat' }, T0),
    ).rejects.toThrow(/FOREIGN KEY/);
    await db.close();
  });

  it('two in-memory databases are independent of each other', async () => {
    const a = await openDatabase(':memory:');
    const b = await openDatabase('sqlite::memory:');
    await a.customers.create({ name: 'Only in A' }, T0);
    expect(await b.customers.findById(1)).toBeNull();
    await Promise.all([a.close(), b.close()]);
  });

  it('an unknown scheme is refused instead of becoming a file name', async () => {
    await expect(openDatabase('mysql://keluh@localhost/keluh')).rejects.toThrow(/Unsupported DATABASE_URL scheme: mysql/);
  });
});
