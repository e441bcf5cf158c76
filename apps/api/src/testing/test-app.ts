import type { FastifyInstance } from 'fastify';
import { io as connect, type Socket } from 'socket.io-client';
import { openTestDatabase } from '@keluh/db/testing';
import type { ChannelKind, Clock, Database } from '@keluh/core';
import {
  AGENT_NAMESPACE,
  VISITOR_NAMESPACE,
  type AgentClientToServer,
  type AgentServerToClient,
  type VisitorClientToServer,
  type VisitorServerToClient,
} from '@keluh/contracts';
import { buildApp } from '../app.ts';
import { testConfig, type Config } from '../config/config.ts';
import { scryptHasher } from '../security/password-hasher.ts';

export const AGENT = { email: 'agent@keluh.test', password: 'agent-password-1' };

export interface TestApp {
  app: FastifyInstance;
  db: Database;
  url: string;
  agentId: number;
  /** A fresh session token for the test agent. */
  login(): Promise<string>;
  agentSocket(token: string): Socket<AgentServerToClient, AgentClientToServer>;
  visitorSocket(visitorToken: string): Socket<VisitorServerToClient, VisitorClientToServer>;
  newVisitor(): Promise<{ visitorId: string; visitorToken: string }>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  clock?: Clock;
  config?: Partial<Config>;
  /** Channel settings stored before the app starts, as an admin would have saved them. */
  channels?: Partial<Record<ChannelKind, Record<string, string>>>;
}

/** The real app on a real port with a fresh database of the engine under test (SQLite or PostgreSQL, see openTestDatabase): what the integration tests drive. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const db = await openTestDatabase();
  const now = new Date().toISOString();
  for (const [kind, settings] of Object.entries(options.channels ?? {})) await db.channelConfigs.upsert(kind as ChannelKind, settings, now);
  const agent = await db.users.create({ email: AGENT.email, name: 'Test Agent', role: 'agent', passwordHash: await scryptHasher.hash(AGENT.password) }, now);
  const app = await buildApp({
    config: testConfig(options.config),
    db,
    ...(options.clock ? { clock: options.clock } : {}),
    staticRoots: { console: '/nonexistent', widget: '/nonexistent' },
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
    url,
    agentId: agent.id,
    async login() {
      const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: AGENT });
      return response.json<{ token: string }>().token;
    },
    agentSocket: (token) => track(connect(`${url}${AGENT_NAMESPACE}`, { auth: { token }, transports: ['websocket'], reconnectionDelay: 50 })),
    visitorSocket: (visitorToken) =>
      track(connect(`${url}${VISITOR_NAMESPACE}`, { auth: { visitorToken }, transports: ['websocket'], reconnectionDelay: 50 })),
    async newVisitor() {
      const response = await app.inject({ method: 'POST', url: '/api/widget/sessions', payload: {} });
      return response.json<{ visitorId: string; visitorToken: string }>();
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
