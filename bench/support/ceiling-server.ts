/**
 * The ceiling: the least a webhook-shaped request can cost on this machine — bare Fastify, one JSON POST,
 * one better-sqlite3 insert into a WAL database, 200. No signature, no parsing into events, no transaction
 * of our own. Run as its own process, like the help desk, and driven by the same load generator.
 */
import Fastify from 'fastify';
import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const sqlite = new BetterSqlite3(join(mkdtempSync(join(tmpdir(), 'keluh-ceiling-')), 'ceiling.db'));
sqlite.pragma('journal_mode = WAL');
sqlite.pragma('synchronous = NORMAL');
sqlite.exec('create table deliveries (id integer primary key, body text not null)');
const insert = sqlite.prepare('insert into deliveries (body) values (?)');

const app = Fastify({ logger: false });
app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => done(null, body));
app.post('/webhooks/whatsapp', async (request) => {
  insert.run(request.body as string);
  return { received: 1 };
});
await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
const address = app.server.address();
console.log(`listening ${typeof address === 'object' && address ? address.port : 0}`);
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
