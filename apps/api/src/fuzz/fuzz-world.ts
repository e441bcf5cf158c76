import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OutboundBlockedError, parseAllowHosts } from '@keluh/channels';
import type { WidgetSessionResponse } from '@keluh/contracts';
import { censusChange, openTableCensus, type Census } from './table-census.ts';
import { closeRawHttp } from '../testing/raw-http.ts';
import { AGENT, TEST_ADMIN, connected, startTestApp, type TestApp } from '../testing/test-app.ts';
import { scryptHasher } from '../security/password-hasher.ts';

export const WA = { appSecret: 'fuzz-whatsapp-app-secret', verifyToken: 'fuzz-wa-verify', phoneNumberId: '118220045566779' };
export const IG = { appSecret: 'fuzz-instagram-app-secret', verifyToken: 'fuzz-ig-verify', accountId: '17841400123456789' };
/** A user only the sign-in fuzz signs in as, so its lock-outs never lock the sessions the other cases use. */
export const LOGIN_USER = { email: 'fuzz-login@keluh.test', password: 'fuzz-login-password-1' };

/** The state every fuzz case is resolved against; healed after a request that legitimately changed it. */
export interface FuzzWorld {
  t: TestApp;
  tables: readonly string[];
  agentToken: string;
  adminToken: string;
  /** A session that was signed out: a token that once worked. */
  staleToken: string;
  visitor: WidgetSessionResponse;
  ticketId: number;
  /** The ticket's first message, sent by the visitor. */
  visitorMessageId: number;
  /** The agent's reply to it: a message the visitor may send receipts for. */
  replyMessageId: number;
  apiChannel: { id: number; secret: string };
  /** A phrase of the bank (the seeded defaults), renewed when a request removed it. */
  phraseId: number;
  mediaSha256: string;
  /** 127.0.0.2 … 127.0.0.250 in turn: per-address limits (sign-in: 20 a minute) see many clients. */
  nextAddress(): string;
  census(): Census;
  /** Waits for work a successful request started after answering (outbox dispatch), then reads the tables. */
  settledCensus(): Promise<Census>;
  /** Renews whatever a successful request used up: signed-out sessions, spent visitor tokens, a deleted channel. */
  heal(): Promise<void>;
  close(): Promise<void>;
}

/** The phrase the fuzz cases edit and delete: its own key, so it never collides with a seeded default. */
export const FUZZ_PHRASE = { key: 'fuzz_phrase', stage: 1, language: 'id', tone: 'neutral', intensity: 'normal', notOurFault: false, title: 'Fuzz', body: 'Halo Kak {customer_name}' } as const;

async function fuzzPhrase(t: TestApp) {
  const [existing] = (await t.db.phrases.list({ stage: 1, language: 'id' })).filter((phrase) => phrase.key === FUZZ_PHRASE.key && phrase.tone === 'neutral');
  return existing ?? t.db.phrases.create(FUZZ_PHRASE, t.app.services.clock.now());
}

/** Built-looking console and widget folders, so the static routes and the deep-link fallback exist. */
function staticRoots(dir: string) {
  const console = join(dir, 'console');
  const widget = join(dir, 'widget');
  for (const folder of [join(console, 'assets'), join(widget, 'app'), join(widget, 'demo')]) mkdirSync(folder, { recursive: true });
  writeFileSync(join(console, 'index.html'), '<!doctype html><title>console</title>');
  writeFileSync(join(console, 'assets', 'app.js'), 'export {};');
  writeFileSync(join(widget, 'widget.js'), '/* loader */');
  writeFileSync(join(widget, 'app', 'index.html'), '<!doctype html><title>widget</title>');
  writeFileSync(join(widget, 'demo', 'index.html'), '<!doctype html><title>demo</title>');
  return { console, widget };
}

/**
 * The channels' HTTP client refuses every call as the outbound guard refuses an internal address: the
 * fuzzer must send nothing beyond loopback, and a refusal is final, so no retry timer writes later.
 */
const refuseEverything = (async (input: string | URL | Request) => {
  const url = String(input instanceof Request ? input.url : input);
  throw new OutboundBlockedError({ kind: 'address', reason: 'loopback', address: '127.0.0.1', url });
}) as typeof fetch;

export async function startFuzzWorld(): Promise<FuzzWorld> {
  const dir = mkdtempSync(join(tmpdir(), 'keluh-fuzz-'));
  const unlimited = { limit: 1_000_000, windowMs: 60_000 };
  const t = await startTestApp({
    fetch: refuseEverything,
    staticRoots: staticRoots(dir),
    config: {
      MEDIA_DIR: join(dir, 'media'),
      // X-Forwarded-* from our own loopback client are believed, so the fuzzed ones reach request.ip/host/protocol.
      TRUST_PROXY: ['loopback'],
      // The widget limits are tested elsewhere; here they would turn most cases into 429 before validation.
      WIDGET_MESSAGE_RATE: unlimited,
      WIDGET_MESSAGE_IP_RATE: unlimited,
      WIDGET_SESSION_IP_RATE: unlimited,
      WIDGET_SESSION_RATE: unlimited,
      // Listed, so saving a URL with these hosts vets it without a DNS lookup.
      OUTBOUND_ALLOW_HOSTS: parseAllowHosts('graph.facebook.com,graph.instagram.com,hooks.fuzz.test'),
    },
    channels: {
      whatsapp: { ...WA, accessToken: 'fuzz-wa-access', graphBaseUrl: 'https://graph.facebook.com', graphVersion: 'v23.0' },
      instagram: { ...IG, accessToken: 'fuzz-ig-access', graphBaseUrl: 'https://graph.instagram.com', graphVersion: 'v23.0' },
    },
  });
  const now = t.app.services.clock.now();
  await t.db.users.create({ email: LOGIN_USER.email, name: 'Fuzz Login', role: 'agent', passwordHash: await scryptHasher.hash(LOGIN_USER.password) }, now);
  // The fuzzers run on SQLite only (vitest.config.ts): the census reads the database file beside the app.
  if (!t.databaseUrl.startsWith('sqlite://')) throw new Error('The fuzz tests read an SQLite database file; run them in the server project');
  const census = openTableCensus(t.databaseUrl.slice('sqlite://'.length));

  await t.loginAdmin();
  let address = 1;
  const nextAddress = () => `127.0.0.${(address = (address % 249) + 1) + 1}`;
  // From a fresh address each time: the fuzzer signs out often, and sign-ins are limited to 20 a minute per address.
  const signIn = async (admin: boolean) => {
    const credentials = admin ? TEST_ADMIN : AGENT;
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/token', payload: credentials, remoteAddress: nextAddress() });
    if (response.statusCode !== 200) throw new Error(`signing ${credentials.email} in again answered ${response.statusCode}: ${response.body}`);
    return response.json<{ token: string }>().token;
  };
  const newVisitor = async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/widget/sessions', payload: {} });
    if (response.statusCode !== 200) throw new Error(`a fresh visitor session answered ${response.statusCode}`);
    return response.json<WidgetSessionResponse>();
  };
  const staleToken = await t.login();
  await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { authorization: `Bearer ${staleToken}` } });

  // The ticket arrives the way a real one does: the visitor writes through the widget socket.
  const visitor = await newVisitor();
  const socket = t.visitorSocket(visitor.visitorToken);
  await connected(socket);
  const sent = (await socket.emitWithAck('message.send', { clientMessageId: 'fuzz-first-message', body: 'Paket saya belum sampai' })) as { ok: boolean; message?: { id: number; ticketId: number } };
  socket.disconnect();
  if (!sent.ok || !sent.message) throw new Error(`the fixture message was refused: ${JSON.stringify(sent)}`);
  const agentToken = await signIn(false);
  const reply = await t.app.inject({ method: 'POST', url: `/api/tickets/${sent.message.ticketId}/messages`, headers: { authorization: `Bearer ${agentToken}` }, payload: { body: 'Baik kak, kami cek dulu' } });
  if (reply.statusCode !== 201) throw new Error(`the fixture reply answered ${reply.statusCode}: ${reply.body}`);
  await t.app.services.outbox.settled();
  const channel = await t.db.apiChannels.create({ name: 'Fuzz bridge', secret: 'fuzz-api-channel-secret-'.padEnd(40, 'x'), webhookUrl: 'https://hooks.fuzz.test/hook' }, now);
  const media = await t.app.services.media.save(Buffer.from('\x89PNG\r\n\x1a\n fuzz', 'latin1'), 'image/png');

  const world: FuzzWorld = {
    t,
    tables: census.tables,
    agentToken,
    adminToken: await signIn(true),
    staleToken,
    visitor,
    ticketId: sent.message.ticketId,
    visitorMessageId: sent.message.id,
    replyMessageId: reply.json<{ id: number }>().id,
    apiChannel: { id: channel.id, secret: channel.secret },
    phraseId: (await fuzzPhrase(t)).id,
    mediaSha256: media.sha256,
    nextAddress,
    census: () => census.take(),
    async settledCensus() {
      await t.app.services.outbox.settled();
      // Jobs the request scheduled as due now (a profile look-up for a nameless Instagram sender) would
      // otherwise run at the runner's next poll, in the middle of a later case, and be counted against it.
      t.app.services.jobs.kick();
      await t.app.services.jobs.settled();
      // Listeners (realtime, media, profiles) run after the commit; two equal reads in a row mean they are done.
      let last = census.take();
      for (let attempt = 0; attempt < 40; attempt += 1) {
        await new Promise((resolve) => setTimeout(resolve, 15));
        const next = census.take();
        if (Object.keys(censusChange(last, next)).length === 0) return next;
        last = next;
      }
      throw new Error('the database kept changing for 600 ms after the request');
    },
    async heal() {
      const works = async (token: string) => (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } })).statusCode === 200;
      if (!(await works(world.agentToken))) world.agentToken = await signIn(false);
      if (!(await works(world.adminToken))) world.adminToken = await signIn(true);
      // A refresh spends the refresh token, and staff may end the session: start a fresh visitor either way.
      world.visitor = await newVisitor();
      const stored = await t.db.apiChannels.findById(world.apiChannel.id);
      const current = stored ?? (await t.db.apiChannels.create({ name: 'Fuzz bridge', secret: 'fuzz-api-channel-secret-'.padEnd(40, 'y'), webhookUrl: 'https://hooks.fuzz.test/hook' }, t.app.services.clock.now()));
      world.apiChannel = { id: current.id, secret: current.secret };
      if (!(await t.db.phrases.find(world.phraseId))) world.phraseId = (await fuzzPhrase(t)).id;
      // A policy a case created (its target maybe mutated to a second) would start clocks whose warning and
      // breach jobs fire in the middle of a later case and be counted against it: no policy outlives its case.
      for (const policy of await t.db.slaPolicies.list()) await t.db.slaPolicies.delete(policy.id);
    },
    async close() {
      closeRawHttp();
      census.close();
      await t.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return world;
}

