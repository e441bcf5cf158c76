import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startApiChannelHarness, type ApiChannelHarness } from '../../testing/api-channel-harness.ts';
import { eventually } from '../../testing/test-app.ts';

const script = fileURLToPath(new URL('../../../../../scripts/api-channel-example.mjs', import.meta.url));

describe('the README example integration (scripts/api-channel-example.mjs)', () => {
  let h: ApiChannelHarness;
  let child: ChildProcess;
  let output = '';
  beforeAll(async () => {
    h = await startApiChannelHarness();
    child = spawn(process.execPath, [script, 'Pesanan INV-1001 belum sampai'], {
      env: { ...process.env, KELUH_URL: h.t.url, KELUH_ADMIN_EMAIL: ADMIN.email, KELUH_ADMIN_PASSWORD: ADMIN.password, RECEIVER_PORT: '0', SENDER_ID: 'readme-1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  });
  afterAll(async () => {
    child.kill();
    await h.close();
  });

  it('creates its channel, sends a signed message, and receives and acknowledges the agent reply', async () => {
    await eventually(() => expect(output).toContain('"accepted":1'), 10_000);
    const [channel] = await h.t.db.apiChannels.list();
    const inbound = await h.t.db.identities.findByExternalId('api', `${channel!.id}:readme-1`);
    const [ticket] = await h.t.db.tickets.listForCustomer(inbound!.customerId);
    const reply = await h.t.app.inject({ method: 'POST', url: `/api/tickets/${ticket!.id}/messages`, headers: h.agent, payload: { body: 'Kami cek sekarang' } });
    await eventually(() => expect(output).toContain('Reply for readme-1'), 10_000);
    expect(output).toContain('Kami cek sekarang');
    await eventually(async () => expect((await h.t.db.messages.findById(reply.json<{ id: number }>().id))?.status).toBe('delivered'), 10_000);
  });
});
