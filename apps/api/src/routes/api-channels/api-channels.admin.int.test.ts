import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiChannelHarness, type ApiChannelHarness } from '../../testing/api-channel-harness.ts';

describe('admins managing API channels', () => {
  let h: ApiChannelHarness;
  beforeAll(async () => {
    h = await startApiChannelHarness();
  });
  afterAll(() => h.close());

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, headers: Record<string, string>, payload?: Record<string, unknown>) =>
    h.t.app.inject({ method, url: `/api/api-channels${url}`, headers, ...(payload === undefined ? {} : { payload }) });
  const inbound = (key: string) => JSON.stringify({ messages: [{ idempotencyKey: key, sender: { id: 'buyer-1' }, text: 'Barang belum dikirim' }] });

  it('creates a channel and shows its secret once, masked in the list afterwards', async () => {
    const created = await call('POST', '/', h.admin, { name: 'Tokopedia chat', webhookUrl: 'https://bridge.example/keluh' });
    expect(created.statusCode).toBe(201);
    const channel = created.json();
    expect(channel).toMatchObject({ name: 'Tokopedia chat', webhookUrl: 'https://bridge.example/keluh', inboundUrl: expect.stringMatching(new RegExp(`/webhooks/api/${channel.id}$`)) });
    expect(channel.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const listed = (await call('GET', '/', h.admin)).json().items.find((item: { id: number }) => item.id === channel.id);
    expect(listed.secret).toBe(`••••${channel.secret.slice(-4)}`);
  });

  it('lets only admins in', async () => {
    const { id } = await h.createChannel();
    for (const [method, url] of [['GET', '/'], ['POST', '/'], ['POST', `/${id}/rotate-secret`], ['PATCH', `/${id}`], ['DELETE', `/${id}`]] as const) {
      const response = await call(method, url, h.agent, method === 'GET' || method === 'DELETE' ? undefined : {});
      expect(response.statusCode, `${method} ${url}`).toBe(403);
      expect(response.json().error.code).toBe('auth.forbidden');
    }
    expect((await call('GET', '/', {})).statusCode).toBe(401);
  });

  it('refuses a webhook URL that is not http(s), with the field path', async () => {
    const response = await call('POST', '/', h.admin, { name: 'Mail bridge', webhookUrl: 'ftp://files.example/in' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'validation.failed', details: { issues: [{ path: 'body.webhookUrl' }] } });
  });

  it('renames a channel and moves its webhook', async () => {
    const { id } = await h.createChannel();
    const response = await call('PATCH', `/${id}`, h.admin, { name: 'Telegram bot', webhookUrl: 'https://tg.example/hook' });
    expect(response.json()).toMatchObject({ id, name: 'Telegram bot', webhookUrl: 'https://tg.example/hook', secret: expect.stringMatching(/^••••/) });
    expect((await call('PATCH', `/${id}`, h.admin, {})).statusCode).toBe(400);
    expect((await call('PATCH', '/999999', h.admin, { name: 'Ghost' })).json().error.code).toBe('api_channel.not_found');
  });

  it('rotates the secret: the old signature stops working at once, the new one works', async () => {
    const channel = await h.createChannel();
    const rotated = await call('POST', `/${channel.id}/rotate-secret`, h.admin);
    expect(rotated.statusCode).toBe(200);
    const { secret } = rotated.json();
    expect(secret).not.toBe(channel.secret);
    expect((await h.post(channel.id, inbound('after-rotation-1'), { secret: channel.secret })).status).toBe(401);
    expect((await h.post(channel.id, inbound('after-rotation-1'), { secret })).status).toBe(200);
  });

  it('deletes a channel: its inbound URL answers 404 from then on', async () => {
    const channel = await h.createChannel();
    expect((await call('DELETE', `/${channel.id}`, h.admin)).statusCode).toBe(204);
    expect((await call('DELETE', `/${channel.id}`, h.admin)).statusCode).toBe(404);
    expect((await h.post(channel.id, inbound('gone-1'), { secret: channel.secret })).status).toBe(404);
    // Ids are never reused, so a new integration cannot inherit the deleted one's customers.
    expect((await h.createChannel()).id).toBeGreaterThan(channel.id);
  });

  it('documents the signed inbound webhook and its body shape in the OpenAPI document', async () => {
    const doc = (await h.t.app.inject({ method: 'GET', url: '/docs/json' })).json();
    const operation = doc.paths['/webhooks/api/{channelId}'].post;
    expect(operation.description).toContain('X-Keluh-Signature');
    const body = operation.requestBody.content['application/json'].schema;
    expect(JSON.stringify(body)).toContain('idempotencyKey');
    expect(operation.parameters.map((parameter: { name: string }) => parameter.name)).toEqual(expect.arrayContaining(['channelId', 'x-keluh-signature']));
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/api-channels/', '/api/api-channels/{id}', '/api/api-channels/{id}/rotate-secret']));
  });
});
