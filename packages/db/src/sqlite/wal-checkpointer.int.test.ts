import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { T0 } from '../testing/fixtures.ts';
import { openSqliteDatabase } from './open-sqlite.ts';
import { startWalCheckpointer } from './wal-checkpointer.ts';

describe('checkpointing the WAL in the background', () => {
  const folders: string[] = [];
  afterEach(() => folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true })));

  it('moves committed pages into the database file while the writer keeps writing, losing nothing', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'keluh-wal-'));
    folders.push(folder);
    const path = join(folder, 'keluh.db');
    const db = openSqliteDatabase(`sqlite://${path}`);
    const checkpointer = startWalCheckpointer(path, 20);
    for (let round = 0; round < 20; round += 1) {
      await db.transaction(async (tx) => {
        for (let n = 0; n < 50; n += 1) await tx.customers.create({ name: `Pelanggan ${round}-${n}` }, T0);
      });
    }
    const sizeBefore = statSync(path).size;
    // Wait for a checkpoint that started after the last commit: it copies everything.
    await checkpointer.nextCheckpoint();
    const settled = await checkpointer.nextCheckpoint();
    expect(settled.copied).toBe(settled.frames);
    expect(statSync(path).size).toBeGreaterThan(sizeBefore);
    await checkpointer.stop();
    expect((await db.customers.findById(1000))?.name).toBe('Pelanggan 19-49');
    await db.close();

    const reopened = openSqliteDatabase(`sqlite://${path}`);
    expect((await reopened.customers.findById(1000))?.name).toBe('Pelanggan 19-49');
    await reopened.close();
  });

  it('runs for the server (openDatabase) and stops with the database', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'keluh-wal-'));
    folders.push(folder);
    const db = openSqliteDatabase(`sqlite://${join(folder, 'keluh.db')}`, { checkpointInBackground: true });
    await db.customers.create({ name: 'Budi' }, T0);
    await db.close();
  });
});
