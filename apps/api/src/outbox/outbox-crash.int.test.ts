import { describe, expect, it } from 'vitest';
import { openPostgresDatabase, openSqliteDatabase } from '@keluh/db';
import { createMetaSim, wa } from '@keluh/meta-sim';
import { clusterDatabase } from '../testing/cluster-database.ts';
import { startCluster } from '../testing/cluster.ts';

/*
 * Found by the chaos run: a process killed after Meta accepted a reply and before it recorded the send
 * left the reply queued with its lease; the lease ran out and the reply went to the customer a second
 * time. Meta's statuses for that send carry our correlation id and arrive once the process is back.
 */
describe('a reply on the wire when its process is killed', () => {
  it('is sent once: after the restart it takes Meta’s id from the status instead of going out again', async () => {
    const database = await clusterDatabase();
    // Called from inside meta-sim's handling of the send, after it recorded it and before it answers.
    let onSend: () => void = () => undefined;
    const sim = createMetaSim({
      // Meta keeps retrying the statuses it could not deliver while the process was down.
      knobs: { delivery: { retryDelaysMs: Array<number>(60).fill(250), maxAttempts: 61 } },
      log: (line) => line.startsWith('[whatsapp] ← send') && onSend(),
    });
    await sim.start();
    // Lease 2 s: the reply is let go 2 s after its claim, then waits 2 s more for its statuses.
    const cluster = await startCluster({ sim, databaseUrl: database.url, env: { OUTBOX_LEASE: '2s' } });
    const node = cluster.nodes[0]!;
    const db = await (cluster.databaseUrl.startsWith('postgres') ? openPostgresDatabase(cluster.databaseUrl, { poolSize: 2 }) : openSqliteDatabase(cluster.databaseUrl));
    try {
      sim.knobs.whatsapp.webhookUrl = cluster.webhookUrl(0, 'whatsapp');
      const customer = { name: 'Rina', waId: '6281234500001' };
      expect((await sim.webhooks.whatsapp.inbound(customer, wa.text('Paket saya belum sampai', { id: 'wamid.crash-in' }))).delivered).toBe(true);
      const ticketId = (await db.messages.findByExternalId('whatsapp', 'wamid.crash-in'))!.ticketId;
      const token = await cluster.signIn(0);

      let killed!: Promise<void>;
      const sending = new Promise<void>((resolve) => {
        onSend = () => {
          onSend = () => undefined;
          // SIGKILL goes out now, synchronously: the process never reads Meta's answer.
          killed = node.kill();
          resolve();
        };
      });
      const reply = await fetch(`${node.url}/api/tickets/${ticketId}/messages`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ body: 'Mohon maaf, kami cek sekarang' }),
      });
      expect(reply.status).toBe(201);
      const { id: messageId } = (await reply.json()) as { id: number };
      await sending;
      await killed;
      expect(sim.state.sent).toHaveLength(1);
      expect((await db.messages.findById(messageId))?.status).toBe('queued');

      await node.restart();
      const deadline = Date.now() + 20_000;
      while ((await db.outbox.listPending(1)).length > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      await sim.settle(10_000);

      expect(await db.outbox.listPending(1)).toEqual([]);
      expect(sim.state.sent).toHaveLength(1);
      expect(await db.messages.findById(messageId)).toMatchObject({ externalId: sim.state.sent[0]!.id, status: 'read' });
    } finally {
      await db.close();
      await cluster.stop();
      await sim.stop();
      await database.drop();
    }
  }, 60_000);
});
