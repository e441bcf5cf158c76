#!/usr/bin/env node
// An integration on Keluh's API channel in one file, Node 20+, no dependencies:
//   1. starts a small HTTP server that receives the agents' replies, checks their signature and prints them;
//   2. (if no channel is given) signs in as an admin and creates an API channel pointing at that server;
//   3. sends a customer message, signed with the channel's secret.
// Then it keeps running: answer the ticket in the console and watch the reply arrive here.
//
//   node scripts/api-channel-example.mjs "Paket saya belum sampai"
//
// Environment (all optional): KELUH_URL (http://localhost:3000), API_CHANNEL_ID + API_CHANNEL_SECRET (use an
// existing channel), KELUH_ADMIN_EMAIL / KELUH_ADMIN_PASSWORD (an admin: the password printed at the first start,
// or the server's ADMIN_PASSWORD; needed unless API_CHANNEL_ID is given), RECEIVER_PORT (4000; 0 picks a
// free one), RECEIVER_URL (what Keluh should call, if not http://127.0.0.1:<port>/keluh-replies),
// SENDER_ID (example-customer), SENDER_NAME (Contoh Pelanggan).
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';

const env = process.env;
const keluh = (env.KELUH_URL ?? 'http://localhost:3000').replace(/\/$/, '');
const port = Number(env.RECEIVER_PORT ?? 4000);
const text = process.argv.slice(2).join(' ') || 'Halo, paket saya belum sampai. Nomor pesanan INV-1001.';
const sender = { id: env.SENDER_ID ?? 'example-customer', name: env.SENDER_NAME ?? 'Contoh Pelanggan' };

/** sha256=<hex HMAC-SHA256(secret, exact body bytes)>: the scheme both directions use. */
const sign = (body, secret) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

function verify(body, header, secret) {
  const expected = Buffer.from(sign(body, secret));
  const given = Buffer.from(String(header ?? ''));
  return given.length === expected.length && timingSafeEqual(given, expected);
}

async function postSigned(channel, payload) {
  const body = JSON.stringify(payload);
  const response = await fetch(`${keluh}/webhooks/api/${channel.id}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-keluh-signature': sign(body, channel.secret) },
    body,
  });
  const answer = await response.json();
  if (!response.ok) throw new Error(`Keluh answered ${response.status}: ${JSON.stringify(answer)}`);
  return answer;
}

async function createChannel(webhookUrl) {
  if (!env.KELUH_ADMIN_PASSWORD) throw new Error('Set KELUH_ADMIN_PASSWORD to the admin password Keluh printed at its first start (or its ADMIN_PASSWORD), or give API_CHANNEL_ID + API_CHANNEL_SECRET');
  const login = await fetch(`${keluh}/api/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: env.KELUH_ADMIN_EMAIL ?? 'admin@keluh.test', password: env.KELUH_ADMIN_PASSWORD }),
  });
  if (!login.ok) throw new Error(`Admin sign-in failed (${login.status}); set KELUH_ADMIN_EMAIL / KELUH_ADMIN_PASSWORD`);
  const { token } = await login.json();
  const created = await fetch(`${keluh}/api/api-channels`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ name: 'Example integration', webhookUrl }),
  });
  if (created.status !== 201) throw new Error(`Creating the channel failed (${created.status}): ${await created.text()}`);
  const channel = await created.json();
  console.log(`Created API channel ${channel.id}. Reuse it with: API_CHANNEL_ID=${channel.id} API_CHANNEL_SECRET=${channel.secret}`);
  return channel;
}

function startReceiver(channel) {
  const seen = new Set();
  const server = createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      const raw = Buffer.concat(chunks);
      if (!verify(raw, request.headers['x-keluh-signature'], channel.secret)) {
        console.log('Refused a reply with a bad signature');
        return response.writeHead(401).end();
      }
      // Acknowledge first (Keluh retries until it sees a 2xx); a retry carries the same delivery id.
      response.writeHead(200).end();
      const reply = JSON.parse(raw.toString('utf8'));
      if (seen.has(reply.id)) return;
      seen.add(reply.id);
      console.log(`Reply for ${reply.recipient.id} (ticket ${reply.ticketId}): ${reply.text}`);
      postSigned(channel, { statuses: [{ messageId: reply.id, status: 'delivered' }] }).catch((error) => console.error(error.message));
    });
  });
  return new Promise((resolve) => server.listen(port, () => resolve(server.address().port)));
}

// The receiver reads the secret per request, so it can start before the channel (and its secret) exists.
const channel = { id: Number(env.API_CHANNEL_ID), secret: env.API_CHANNEL_SECRET ?? '' };
const listeningOn = await startReceiver(channel);
const receiverUrl = env.RECEIVER_URL ?? `http://127.0.0.1:${listeningOn}/keluh-replies`;
if (!channel.id || !channel.secret) Object.assign(channel, await createChannel(receiverUrl));
console.log(`Receiving agent replies on ${receiverUrl} (the channel's webhook URL must point here)`);
const result = await postSigned(channel, { messages: [{ idempotencyKey: randomUUID(), sender, text, sentAt: new Date().toISOString() }] });
console.log(`Sent "${text}" as ${sender.name}: ${JSON.stringify(result)}. Reply in the console; Ctrl-C to stop.`);
