import { describe, expect, it } from 'vitest';
import { testDialect } from '@keluh/db/testing';
import { clusterDatabase } from './testing/cluster-database.ts';
import { describeChaos } from './testing/chaos/chaos-report.ts';
import { runChaos } from './testing/chaos/chaos-run.ts';

/*
 * The short chaos run (`npm run chaos` is the 10,000-message one, same code): on SQLite with one process,
 * and on PostgreSQL with two. See testing/chaos/chaos-run.ts for what happens and chaos-verify.ts for what
 * must hold at the end.
 */
const postgres = testDialect() === 'postgres';
const processes = postgres ? 2 : 1;

describe(`chaos on ${postgres ? 'PostgreSQL with two API processes' : 'SQLite with one API process'}`, () => {
  it('1,000 messages with duplicates, batches and reordering while the server is killed twice: each stored once, every reply sent once', async () => {
    const database = await clusterDatabase();
    try {
      const report = await runChaos({ databaseUrl: database.url, processes, messages: 1_000, customers: 60, replies: 100, seed: 8 });
      const summary = describeChaos(report).join('\n');
      console.log(summary);
      expect(report.problems, summary).toEqual([]);
      // The run is only as good as the chaos it met: two kills, one of them with a reply on the wire,
      // and deliveries Meta had to make again.
      expect(report.kills.map((kill) => kill.during), summary).toEqual(['ingest', 'a reply Meta was accepting']);
      expect(report.failedAttempts, summary).toBeGreaterThan(0);
      expect(report.inboundStored).toBe(1_000);
      expect(report.replies.sent).toBe(report.replies.stored);
      expect(report.replies.queued).toBeGreaterThan(80);
    } finally {
      await database.drop();
    }
  }, 150_000);
});
