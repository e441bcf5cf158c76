import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PresenceResponse } from '@keluh/contracts';
import { connected, eventually, startTestApp, type TestApp } from '../testing/test-app.ts';
import { joinedConfig } from '../testing/redis-test.ts';

/** Who is connected, as the tests of the socket counts read it: the users with a socket open anywhere. */
async function presence(t: TestApp, token: string): Promise<Pick<PresenceResponse['items'][number], 'userId' | 'status' | 'connections'>[]> {
  const response = await t.app.inject({ method: 'GET', url: '/api/presence', headers: { authorization: `Bearer ${token}` } });
  expect(response.statusCode).toBe(200);
  return response
    .json<PresenceResponse>()
    .items.filter((item) => item.connections > 0)
    .map(({ userId, status, connections }) => ({ userId, status, connections }));
}

describe('presence in a single process (no REDIS_URL)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ config: { PRESENCE_GRACE_SECONDS: 0 } });
  });
  afterAll(() => t.close());

  it('keeps everything in memory and opens no Redis connection', () => {
    expect(t.app.services.redis).toBeNull();
  });

  it('documents GET /api/presence in the OpenAPI document', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json();
    const operation = document.paths['/api/presence/'].get;
    expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['200', '401', '503']));
    expect(operation.responses['200'].content['application/json'].schema.properties.items.items.properties).toHaveProperty('status');
  });

  it('lists the staff with the console open, and only for staff', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/presence' })).json().error.code).toBe('auth.unauthenticated');
    const token = await t.login();
    expect(await presence(t, token)).toEqual([]);
    const first = t.agentSocket(token);
    const second = t.agentSocket(token);
    await Promise.all([connected(first), connected(second)]);
    await eventually(async () => expect(await presence(t, token)).toEqual([{ userId: t.agentId, status: 'online', connections: 2 }]));
    first.disconnect();
    await eventually(async () => expect(await presence(t, token)).toEqual([{ userId: t.agentId, status: 'online', connections: 1 }]));
    second.disconnect();
    await eventually(async () => expect(await presence(t, token)).toEqual([]));
  });
});

describe('presence shared by API processes through Redis', () => {
  let a: TestApp;
  let b: TestApp;
  let agentToken: string;
  let adminToken: string;
  let adminId: number;
  const joined = () => joinedConfig({ PRESENCE_TTL: 1_000, PRESENCE_GRACE_SECONDS: 0 });
  let config: ReturnType<typeof joined>;
  beforeAll(async () => {
    config = joined();
    a = await startTestApp({ config });
    b = await startTestApp({ shareDatabaseWith: a, config });
    agentToken = await a.login();
    adminToken = await a.loginAdmin();
    adminId = (await a.db.users.findByEmailWithSecret('test-admin@keluh.test'))!.id;
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('sees the sockets held by both processes, from either', async () => {
    const agentOnA = a.agentSocket(agentToken);
    const agentOnB = b.agentSocket(agentToken);
    const adminOnB = b.agentSocket(adminToken);
    await Promise.all([connected(agentOnA), connected(agentOnB), connected(adminOnB)]);
    const both = [
      { userId: a.agentId, status: 'online', connections: 2 },
      { userId: adminId, status: 'online', connections: 1 },
    ].sort((x, y) => x.userId - y.userId);
    await eventually(async () => expect(await presence(a, agentToken)).toEqual(both));
    expect(await presence(b, agentToken)).toEqual(both);

    agentOnB.disconnect();
    adminOnB.disconnect();
    await eventually(async () => expect(await presence(b, agentToken)).toEqual([{ userId: a.agentId, status: 'online', connections: 1 }]));
    agentOnA.disconnect();
    await eventually(async () => expect(await presence(a, agentToken)).toEqual([]));
  });

  it('drops the entries of a process that stopped without a word, once its heartbeats have run out', async () => {
    const doomed = await startTestApp({ shareDatabaseWith: a, config });
    try {
      const socket = doomed.agentSocket(adminToken);
      await connected(socket);
      await eventually(async () => expect(await presence(a, agentToken)).toEqual([{ userId: adminId, status: 'online', connections: 1 }]));
      // What Redis sees of a SIGKILL: the process's connections drop and it never writes again.
      const { commands, publisher, subscriber } = doomed.app.services.redis!;
      for (const client of [commands, publisher, subscriber]) client.disconnect();
      // Nobody said goodbye: the entry stays until its TTL (1 s here) has run out, then it is gone.
      expect(await presence(a, agentToken)).toEqual([{ userId: adminId, status: 'online', connections: 1 }]);
      await eventually(async () => expect(await presence(a, agentToken)).toEqual([]), 3_000);
      // The cut-off process itself cannot tell who is online and says so.
      const unavailable = await doomed.app.inject({ method: 'GET', url: '/api/presence', headers: { authorization: `Bearer ${adminToken}` } });
      expect(unavailable.statusCode).toBe(503);
      expect(unavailable.json().error.code).toBe('presence.unavailable');
    } finally {
      await doomed.close();
    }
  });

  it('drops the entries of a process that shuts down at once, without waiting for the TTL', async () => {
    const leaving = await startTestApp({ shareDatabaseWith: a, config: { ...config, PRESENCE_TTL: 60_000 } });
    const socket = leaving.agentSocket(adminToken);
    await connected(socket);
    await eventually(async () => expect(await presence(a, agentToken)).toEqual([{ userId: adminId, status: 'online', connections: 1 }]));
    await leaving.close();
    expect(await presence(a, agentToken)).toEqual([]);
  });

  it('restores its entries after Redis lost them (a restart without persistence)', async () => {
    const socket = b.agentSocket(agentToken);
    await connected(socket);
    await eventually(async () => expect(await presence(a, agentToken)).toEqual([{ userId: a.agentId, status: 'online', connections: 1 }]));
    const { commands } = a.app.services.redis!;
    await commands.del(`${config.REDIS_PREFIX}presence:processes`, `${config.REDIS_PREFIX}presence:process:${b.app.services.workerId}`);
    expect(await presence(a, agentToken)).toEqual([]);
    // B's next heartbeat (a third of the TTL) writes its whole state again.
    await eventually(async () => expect(await presence(a, agentToken)).toEqual([{ userId: a.agentId, status: 'online', connections: 1 }]), 2_000);
    socket.disconnect();
  });
});
