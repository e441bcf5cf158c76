import type { FastifyInstance } from 'fastify';
import { io as connect, type Socket } from 'socket.io-client';
import { openTestDatabase, reopenTestDatabase, type TestDatabase } from '@keluh/db/testing';
import type { ChannelKind, Clock, Database } from '@keluh/core';
import {
  AGENT_NAMESPACE,
  VISITOR_NAMESPACE,
  type AgentClientToServer,
  type AgentServerToClient,
  type VisitorClientToServer,
  type VisitorServerToClient,
  type WidgetSessionResponse,
} from '@keluh/contracts';
import { buildApp } from '../app.ts';
import { testConfig, type Config } from '../config/config.ts';
import { scryptHasher } from '../security/password-hasher.ts';
import { createSecretBox } from '../security/secret-box.ts';
import { generateSecretKey } from '../security/secret-key.ts';
import { sealDatabase } from '../security/sealed-repositories.ts';

const TEST_SECRET_KEY = generateSecretKey();
import type { StaticRoots } from '../plugins/static.plugin.ts';

export const AGENT = { email: 'agent@keluh.test', password: 'agent-password-1' };
export const TEST_ADMIN = { email: 'test-admin@keluh.test', password: 'admin-password-1' };

export interface TestApp {
  app: FastifyInstance;
  db: Database;
  /** Where its database lives, for a second app sharing it (shareDatabaseWith). */
  databaseUrl: string;
  url: string;
  agentId: number;
  /** A fresh bearer token for the test agent (POST /api/auth/token, as API clients sign in). */
  login(): Promise<string>;
  /** Signs the test agent in as the console does; returns the session cookie's value. */
  consoleLogin(): Promise<string>;
  /** The /agent socket as an API client opens it: bearer token in the handshake, no Origin. */
  agentSocket(token: string): Socket<AgentServerToClient, AgentClientToServer>;
  /** The /agent socket as the console opens it: session cookie plus the page's Origin (ours by default). */
  consoleSocket(sessionCookie: string, origin?: string | null): Socket<AgentServerToClient, AgentClientToServer>;
  /** `localAddress` (127.0.0.x) makes the visitor appear to come from another address. */
  visitorSocket(visitorToken: string, options?: { localAddress?: string }): Socket<VisitorServerToClient, VisitorClientToServer>;
  newVisitor(): Promise<WidgetSessionResponse>;
  /** A fresh bearer token for a test admin (created on first use). */
  loginAdmin(): Promise<string>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  clock?: Clock;
  config?: Partial<Config>;
  /** Channel settings stored before the app starts, as an admin would have saved them. */
  channels?: Partial<Record<ChannelKind, Record<string, string>>>;
  /** Open the database of another test app: two processes on one database. Default: a fresh one. */
  shareDatabaseWith?: Pick<TestApp, 'databaseUrl'>;
  /** Built console/widget folders to serve; none by default. */
  staticRoots?: StaticRoots;
  /** The channels' HTTP client; the outbound guard by default. */
  fetch?: typeof fetch;
}

/** The real app on a real port with a fresh database of the engine under test (SQLite or PostgreSQL, see openTestDatabase): what the integration tests drive. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  // Sealed as the server's is, so every route and worker under test reads secrets through the decorator.
  // One key per test process: two apps sharing a database (two "processes") must open each other's secrets.
  const raw = options.shareDatabaseWith ? await reopenTestDatabase(options.shareDatabaseWith.databaseUrl) : await openTestDatabase();
  const db = sealDatabase(raw, createSecretBox(TEST_SECRET_KEY));
  const databaseUrl = options.shareDatabaseWith?.databaseUrl ?? (raw as TestDatabase).url;
  const now = new Date().toISOString();
  for (const [kind, settings] of Object.entries(options.channels ?? {})) await db.channelConfigs.upsert(kind as ChannelKind, settings, now);
  // The test agent works the default team, where every ticket goes that nothing routes elsewhere.
  const defaultTeam = await db.teams.findDefault();
  const agent =
    (await db.users.findByEmailWithSecret(AGENT.email)) ??
    (await db.users.create({ email: AGENT.email, name: 'Test Agent', role: 'agent', teamId: defaultTeam?.id ?? null, passwordHash: await scryptHasher.hash(AGENT.password) }, now));
  const app = await buildApp({
    config: testConfig(options.config),
    db,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    staticRoots: options.staticRoots ?? { console: '/nonexistent', widget: '/nonexistent' },
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const sockets: Socket[] = [];
  const track = <S extends Socket>(socket: S): S => {
    sockets.push(socket);
    return socket;
  };
  return {
    app,
    db,
    databaseUrl,
    url,
    agentId: agent.id,
    async login() {
      const response = await app.inject({ method: 'POST', url: '/api/auth/token', payload: AGENT });
      return response.json<{ token: string }>().token;
    },
    async consoleLogin() {
      const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: AGENT });
      const cookie = response.cookies.find((c) => c.name === 'keluh_session');
      if (!cookie) throw new Error(`console sign-in failed: ${response.statusCode} ${response.body}`);
      return cookie.value;
    },
    agentSocket: (token) => track(connect(`${url}${AGENT_NAMESPACE}`, { auth: { token }, transports: ['websocket'], reconnectionDelay: 50 })),
    consoleSocket: (sessionCookie, origin = url) =>
      track(
        connect(`${url}${AGENT_NAMESPACE}`, {
          transports: ['websocket'],
          reconnectionDelay: 50,
          extraHeaders: { cookie: `keluh_session=${encodeURIComponent(sessionCookie)}`, ...(origin ? { origin } : {}) },
        }),
      ),
    async loginAdmin() {
      if (!(await db.users.findByEmailWithSecret(TEST_ADMIN.email))) {
        await db.users.create({ email: TEST_ADMIN.email, name: 'Test Admin', role: 'admin', passwordHash: await scryptHasher.hash(TEST_ADMIN.password) }, now);
      }
      const response = await app.inject({ method: 'POST', url: '/api/auth/token', payload: TEST_ADMIN });
      return response.json<{ token: string }>().token;
    },
    visitorSocket: (visitorToken, socketOptions = {}) =>
      track(connect(`${url}${VISITOR_NAMESPACE}`, { auth: { visitorToken }, transports: ['websocket'], reconnectionDelay: 50, ...(socketOptions.localAddress ? { forceNew: true, localAddress: socketOptions.localAddress } : {}) })),
    async newVisitor() {
      const response = await app.inject({ method: 'POST', url: '/api/widget/sessions', payload: {} });
      return response.json<WidgetSessionResponse>();
    },
    async close() {
      sockets.forEach((socket) => socket.disconnect());
      await app.close();
      await db.close();
    },
  };
}

/** Resolves with the next value the socket emits for `event` that passes `match`. */
export function nextEvent<T>(socket: Socket, event: string, match: (value: T) => boolean = () => true, timeoutMs = 3000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, listener);
      reject(new Error(`Timed out waiting for ${event}`));
    }, timeoutMs);
    const listener = (value: T) => {
      if (!match(value)) return;
      clearTimeout(timer);
      socket.off(event, listener);
      resolve(value);
    };
    socket.on(event, listener);
  });
}

/** Resolves with the next pushed event (they arrive in `events` batches) that passes `match`. */
export function nextPushed<T>(socket: Socket, match: (value: T) => boolean = () => true, timeoutMs = 3000): Promise<T> {
  return nextEvent<T[]>(socket, 'events', (batch) => batch.some(match), timeoutMs).then((batch) => batch.find(match)!);
}

export function connected(socket: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    if (socket.connected) return resolve();
    socket.once('connect', () => resolve());
    socket.once('connect_error', (error) => reject(error));
  });
}

/** Polls until `check` passes: for effects that happen after a response (outbox sends). */
export async function eventually(check: () => Promise<void> | void, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}
