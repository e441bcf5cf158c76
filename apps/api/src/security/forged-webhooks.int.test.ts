import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '@keluh/db';
import { ig, igInbound, serializePayload, signatureHeader, wa, waInbound } from '@keluh/meta-sim';
import { repositoryStrings } from '../testing/repository-strings.ts';
import { createSecretBox } from './secret-box.ts';
import { readKeyFile } from './secret-key.ts';
import { sealDatabase } from './sealed-repositories.ts';
import { freePort, freshDataDir, printedLogins, repoRoot, signIn, startServerProcess, type ServerProcess } from '../testing/server-process.ts';

/*
 * Anyone can read this repository. Whatever it contains — demo secrets, test fixtures, README examples —
 * must not sign a webhook a freshly started server accepts: otherwise a stranger writes into an existing
 * customer's ticket (the demo seed's Rina on WhatsApp, Dewi on Instagram).
 */
const candidates = repositoryStrings(repoRoot);
/**
 * What is also sent over HTTP: the candidates named like a secret, or shaped like a generated one (one
 * word of 16+ characters with letters and digits). Every candidate is checked against the secrets the
 * server holds, read from its own database; the requests prove the same end to end, through the routes.
 */
const likelySecrets = candidates.filter((candidate) => /secret|token|verify|key|pass|demo|e2e|sim/i.test(candidate) || (!/\s/.test(candidate) && candidate.length >= 16 && /\d/.test(candidate) && /[a-z]/i.test(candidate)));
/** Thousands of refused requests: at the default level the server would log each one (and this test hold every line). */
const QUIET = { LOG_LEVEL: 'warn' };

/** The webhook secrets and verify tokens the server checks against, unsealed with its own key. */
async function secretsHeldBy(dataDir: string): Promise<string[]> {
  const peek = await openDatabase(`sqlite://${join(dataDir, 'keluh.db')}`);
  try {
    const sealed = sealDatabase(peek, createSecretBox(readKeyFile(join(dataDir, 'secret.key'))));
    const held: string[] = [];
    for (const { kind } of await peek.channelConfigs.list()) {
      const settings = (await sealed.channelConfigs.get(kind))!.settings;
      held.push(...[settings.appSecret, settings.verifyToken].filter((value): value is string => typeof value === 'string'));
    }
    return held;
  } finally {
    await peek.close();
  }
}
const marker = `forged-${Date.now()}`;
const whatsappBody = serializePayload(
  waInbound({ wabaId: '498712345600011', phoneNumberId: '118220045566779', displayPhoneNumber: '6281100020003' }, { name: 'Rina Kusuma', waId: '6281234567801' }, [wa.text(`${marker} WhatsApp`)]),
);
const instagramBody = serializePayload(igInbound({ igId: '17841400123456789' }, '17841400000000003', [ig.text(`${marker} Instagram`)]));

async function lastEventId(server: ServerProcess, token: string): Promise<number> {
  const response = await fetch(`${server.url}/api/tickets?limit=1`, { headers: { authorization: `Bearer ${token}` } });
  return ((await response.json()) as { lastEventId: number }).lastEventId;
}

/**
 * What a forged webhook would have written since `afterEventId`, read from the server's own database file:
 * the marked messages and any conversation event. Other events may be logged meanwhile — the demo seed's
 * SLA clocks warn and breach, presence settles — and say nothing about the webhooks.
 */
function storedByWebhooks(dataDir: string, afterEventId: number): { messages: number; events: string[] } {
  const db = new Database(join(dataDir, 'keluh.db'), { readonly: true, fileMustExist: true });
  try {
    const messages = (db.prepare('select count(*) as n from messages where body like ?').get(`%${marker}%`) as { n: number }).n;
    const events = (db.prepare("select type from events where id > ? and type in ('ticket.created', 'message.created', 'customer.created')").all(afterEventId) as { type: string }[]).map((row) => row.type);
    return { messages, events };
  } finally {
    db.close();
  }
}

/** Sends one request per candidate, a few in flight; returns `<status> <candidate>` for each answer not `expected`. */
async function unexpectedAnswers(items: string[], expected: (status: number) => boolean, send: (candidate: string) => Promise<Response>): Promise<string[]> {
  const unexpected: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const candidate = items[next++]!;
      const response = await send(candidate);
      await response.arrayBuffer();
      if (!expected(response.status)) unexpected.push(`${response.status} ${candidate}`);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return unexpected;
}

async function forgeWithLikelySecrets(server: ServerProcess) {
  const post = (kind: 'whatsapp' | 'instagram', body: Buffer) => (secret: string) =>
    fetch(`${server.url}/webhooks/${kind}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': signatureHeader(body, secret) }, body });
  const handshake = (kind: 'whatsapp' | 'instagram') => (token: string) =>
    fetch(`${server.url}/webhooks/${kind}?${new URLSearchParams({ 'hub.mode': 'subscribe', 'hub.verify_token': token, 'hub.challenge': 'forged-challenge' })}`);
  const refused = (status: number) => status === 401;
  // The handshake echoes hub.challenge with 200 only for the right verify token; anything else is a refusal.
  const notEchoed = (status: number) => status !== 200;
  return {
    whatsapp: await unexpectedAnswers(likelySecrets, refused, post('whatsapp', whatsappBody)),
    instagram: await unexpectedAnswers(likelySecrets, refused, post('instagram', instagramBody)),
    whatsappHandshake: await unexpectedAnswers(likelySecrets, notEchoed, handshake('whatsapp')),
    instagramHandshake: await unexpectedAnswers(likelySecrets, notEchoed, handshake('instagram')),
  };
}

describe('a webhook signed with anything found in this repository', () => {
  it('collects thousands of candidate secrets, including the ones earlier versions shipped', () => {
    expect(candidates.length).toBeGreaterThan(3000);
    for (const known of ['demo-whatsapp-secret', 'demo-instagram-secret', 'demo-verify-token', 'e2e-whatsapp-secret']) expect(likelySecrets).toContain(known);
  });

  it('is refused (401) on a fresh start with the demo seed, and nothing is stored', async () => {
    const dataDir = freshDataDir();
    const server = await startServerProcess({ DATA_DIR: dataDir, SEED_DEMO: '1', ...QUIET });
    try {
      const token = (await signIn(server.url, 'admin@keluh.test', printedLogins(server.output()).get('admin@keluh.test')!))!;
      const before = await lastEventId(server, token);
      const answers = await forgeWithLikelySecrets(server);
      // No channel is connected without DEMO_SIM: there is no secret a signature could match, nor a verify token.
      expect(await secretsHeldBy(dataDir)).toEqual([]);
      expect(answers).toEqual({ whatsapp: [], instagram: [], whatsappHandshake: [], instagramHandshake: [] });
      expect(storedByWebhooks(dataDir, before)).toEqual({ messages: 0, events: [] });
    } finally {
      expect(await server.stop()).toBe(0);
    }
  }, 180_000);

  it('is refused (401) with DEMO_SIM=1 too, while the in-process stand-in, holding the generated secrets, gets through', async () => {
    const dataDir = freshDataDir();
    const server = await startServerProcess({ DATA_DIR: dataDir, SEED_DEMO: '1', DEMO_SIM: '1', META_SIM_PORT: String(await freePort()), META_SIM_INTERVAL_MS: '600000', ...QUIET });
    try {
      // The positive control: the channels are connected and verify signatures — with secrets nobody published.
      await server.waitFor(/→ \[WA\] .* · ok/);
      const token = (await signIn(server.url, 'admin@keluh.test', printedLogins(server.output()).get('admin@keluh.test')!))!;
      const channels = (await (await fetch(`${server.url}/api/channels`, { headers: { authorization: `Bearer ${token}` } })).json()) as { items: { kind: string }[] };
      expect(channels.items.map((channel) => channel.kind).sort()).toEqual(['instagram', 'whatsapp']);
      // The secrets the stand-in was given were generated at this start: no string of the repository is one.
      const held = await secretsHeldBy(dataDir);
      expect(held).toHaveLength(4);
      expect(held.filter((secret) => candidates.includes(secret))).toEqual([]);
      const before = await lastEventId(server, token);
      const answers = await forgeWithLikelySecrets(server);
      expect(answers).toEqual({ whatsapp: [], instagram: [], whatsappHandshake: [], instagramHandshake: [] });
      expect(storedByWebhooks(dataDir, before)).toEqual({ messages: 0, events: [] });
    } finally {
      expect(await server.stop()).toBe(0);
    }
  }, 180_000);
});
