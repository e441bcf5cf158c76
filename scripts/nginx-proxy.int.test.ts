import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { randomBytes } from 'node:crypto';
import { parse } from 'yaml';
import { io as connect } from 'socket.io-client';
import { AGENT_NAMESPACE } from '@keluh/contracts';
import { freshDataDir, startServerProcess, type ServerProcess } from '../apps/api/src/testing/server-process.ts';
import { freePort } from './services/free-port.mjs';
import { startThrowawayNginx } from './services/throwaway-nginx.mjs';

/*
 * deploy/nginx.conf run by a real nginx in front of two real API processes, on loopback. Only what only
 * Docker has is rewritten: the upstream host names become 127.0.0.1 ports, nginx listens on a free loopback
 * port with one worker, and an access log names the process that answered each request. Each API process has
 * its own SQLite database here, so a session signed in on one is unknown to the other: the proxy's stickiness
 * is what lets a client's socket find its session.
 */

const root = new URL('..', import.meta.url);
const compose = parse(readFileSync(new URL('docker-compose.yml', root), 'utf8'), { merge: true }) as { services: Record<string, { build?: string; environment: Record<string, string> }> };
const apiNames = Object.keys(compose.services).filter((name) => compose.services[name]!.build !== undefined);
const apiPort = compose.services[apiNames[0]!]!.environment.PORT;
const adminPassword = randomBytes(12).toString('hex');
/** 127.0.0.0/8 is all loopback on Linux: each of these is a different client address. */
const clients = Array.from({ length: 24 }, (_, index) => `127.0.0.${index + 2}`);

function replaceOnce(text: string, from: string, to: string): string {
  const count = text.split(from).length - 1;
  if (count !== 1) throw new Error(`deploy/nginx.conf should contain "${from}" once, found ${count}: update this test with the file`);
  return text.replace(from, to);
}

function call(url: string, options: { localAddress: string; method?: string; body?: unknown }): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    const outgoing = request(url, { method: options.method ?? 'GET', localAddress: options.localAddress, agent: false, headers: payload ? { 'content-type': 'application/json' } : {} }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode!, body }));
    });
    outgoing.once('error', reject);
    outgoing.end(payload);
  });
}

/** 'connected', or the code the server refused the /agent socket with. */
function agentSocket(url: string, token: string, localAddress: string): Promise<string> {
  // localAddress reaches the ws client that engine.io uses in Node.
  const socket = connect(`${url}${AGENT_NAMESPACE}`, { transports: ['websocket'], auth: { token }, reconnection: false, forceNew: true, localAddress } as Parameters<typeof connect>[1]);
  return new Promise((resolve) => {
    socket.once('connect', () => (socket.disconnect(), resolve('connected')));
    socket.once('connect_error', (error) => (socket.disconnect(), resolve(error.message)));
  });
}

describe('deploy/nginx.conf in a real nginx, in front of two API processes', () => {
  let servers: ServerProcess[] = [];
  let proxy: Awaited<ReturnType<typeof startThrowawayNginx>>;
  let url: string;
  /** API process port → its name in the compose file. */
  const names = new Map<string, string>();
  const accessLog = () =>
    readFileSync(`${proxy.dir}/access.log`, 'utf8')
      .trim()
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => {
        const [client, upstream, status, uri] = line.split(' ');
        return { client: client!, upstream: names.get(upstream!.split(':').at(-1)!) ?? upstream!, status: Number(status), uri: uri! };
      });

  beforeAll(async () => {
    const trustProxy = compose.services[apiNames[0]!]!.environment.TRUST_PROXY!.replace(/^\$\{TRUST_PROXY:-(.*)\}$/, '$1');
    servers = await Promise.all(apiNames.map(() => startServerProcess({ DATA_DIR: freshDataDir(), SEED_DEMO: '0', ADMIN_PASSWORD: adminPassword, TRUST_PROXY: trustProxy })));
    servers.forEach((server, index) => names.set(new URL(server.url).port, apiNames[index]!));
    const port = await freePort();
    let config = readFileSync(new URL('deploy/nginx.conf', root), 'utf8');
    config = replaceOnce(config, 'worker_processes auto;', 'worker_processes 1;');
    config = replaceOnce(config, 'listen 80;', `listen 127.0.0.1:${port};`);
    config = replaceOnce(config, 'access_log off;', "log_format upstreams '$remote_addr $upstream_addr $status $uri'; access_log {{DIR}}/access.log upstreams;");
    apiNames.forEach((name, index) => {
      config = replaceOnce(config, `server ${name}:${apiPort} `, `server 127.0.0.1:${new URL(servers[index]!.url).port} `);
    });
    proxy = await startThrowawayNginx({ config, port });
    url = `http://127.0.0.1:${port}`;
  }, 90_000);

  afterAll(async () => {
    await proxy?.stop();
    for (const server of servers) expect(await server.stop()).toBe(0);
  });

  it('is a configuration nginx accepts, and the help desk answers through it', async () => {
    expect(proxy.checked).toContain('syntax is ok');
    const health = await call(`${url}/healthz`, { localAddress: clients[0]! });
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toMatchObject({ status: 'ok' });
  });

  it('keeps each client address on one API process, and spreads the addresses over both', async () => {
    for (const client of clients) {
      for (let round = 0; round < 4; round += 1) expect((await call(`${url}/healthz`, { localAddress: client })).status).toBe(200);
    }
    const byClient = new Map<string, Set<string>>();
    for (const entry of accessLog().filter((line) => line.uri === '/healthz')) byClient.set(entry.client, new Set([...(byClient.get(entry.client) ?? []), entry.upstream]));
    expect([...byClient.keys()].sort()).toEqual([...clients].sort());
    for (const [client, upstreams] of byClient) expect([...upstreams], client).toHaveLength(1);
    expect(new Set([...byClient.values()].flatMap((upstreams) => [...upstreams]))).toEqual(new Set(apiNames));
  });

  it("carries the console's socket over a websocket upgrade to the process that signed the agent in — and only stickiness makes it find the session", async () => {
    const home = new Map(accessLog().map((entry) => [entry.client, entry.upstream]));
    const [here, elsewhere] = [clients[1]!, clients.find((client) => home.get(client) !== home.get(clients[1]!))!];
    const signedIn = await call(`${url}/api/auth/token`, { localAddress: here, method: 'POST', body: { email: 'admin@keluh.test', password: adminPassword } });
    expect(signedIn.status).toBe(200);
    const { token } = JSON.parse(signedIn.body) as { token: string };

    expect(await agentSocket(url, token, here)).toBe('connected');
    // The same token from an address the proxy sends to the other process: that process never issued it.
    expect(await agentSocket(url, token, elsewhere)).toMatch(/^auth\./);

    // nginx logs a proxied websocket when it closes: 101 Switching Protocols, from the process that signed in.
    await expect.poll(() => accessLog().filter((entry) => entry.status === 101 && entry.uri === '/socket.io/'), { timeout: 5_000 }).toEqual(
      expect.arrayContaining([expect.objectContaining({ client: here, upstream: home.get(here) })]),
    );
  });
});
