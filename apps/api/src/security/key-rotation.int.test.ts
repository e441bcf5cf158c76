import { existsSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiChannelSignature } from '@keluh/channels';
import { serializePayload, signatureHeader, wa, waInbound } from '@keluh/meta-sim';
import { keyIdOf } from './secret-box.ts';
import { generateSecretKey, readKeyFile } from './secret-key.ts';
import { freshDataDir, runToExit, signIn, startServerProcess, type ServerProcess } from '../testing/server-process.ts';

const appSecret = `wa-app-${Math.random().toString(36).slice(2)}`;
const whatsappEnv = {
  WHATSAPP_APP_SECRET: appSecret,
  WHATSAPP_VERIFY_TOKEN: 'rotation-verify-token',
  WHATSAPP_ACCESS_TOKEN: 'rotation-access-token',
  WHATSAPP_PHONE_NUMBER_ID: '118220045566779',
  GRAPH_API_BASE_URL: 'http://127.0.0.1:9',
};
const admin = { ADMIN_PASSWORD: `admin-${Math.random().toString(36).slice(2)}`, SEED_DEMO: '0' };
const hex = (key: Buffer) => key.toString('hex');

function whatsappWebhook(url: string, secret: string, text: string) {
  const body = serializePayload(waInbound({ wabaId: '498712345600011', phoneNumberId: '118220045566779', displayPhoneNumber: '6281100020003' }, { name: 'Rina', waId: '6281234567801' }, [wa.text(text)]));
  return fetch(`${url}/webhooks/whatsapp`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': signatureHeader(body, secret) }, body });
}

/** First start: WhatsApp from the environment and one API channel, so every kind of stored secret exists. */
async function firstStart(env: Record<string, string>): Promise<{ apiChannel: { id: number; secret: string } }> {
  const server = await startServerProcess({ ...env, ...admin, ...whatsappEnv });
  const token = (await signIn(server.url, 'admin@keluh.test', admin.ADMIN_PASSWORD))!;
  const response = await fetch(`${server.url}/api/api-channels`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Bridge', webhookUrl: 'https://bridge.example/keluh' }),
  });
  const apiChannel = (await response.json()) as { id: number; secret: string };
  expect(await server.stop()).toBe(0);
  return { apiChannel };
}

/** The stored secrets still work: WhatsApp verifies with its app secret (and only with it), the API channel with its own. */
async function expectChannelsVerify(server: ServerProcess, apiChannel: { id: number; secret: string }) {
  expect((await whatsappWebhook(server.url, appSecret, 'after rotation')).status).toBe(200);
  expect((await whatsappWebhook(server.url, 'not-the-secret', 'forged')).status).toBe(401);
  const raw = JSON.stringify({ messages: [{ idempotencyKey: `rot-${Date.now()}`, sender: { id: 'chat-1', name: 'Sari' }, text: 'Paket saya belum sampai' }] });
  const inbound = await fetch(`${server.url}/webhooks/api/${apiChannel.id}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-keluh-signature': apiChannelSignature(raw, apiChannel.secret) }, body: raw });
  expect(inbound.status).toBeLessThan(300);
}

describe('rotating the secrets key (npm run secrets:rotate)', () => {
  it('with SECRET_KEY: re-seals everything, the new key starts and verifies webhooks, the old key is refused plainly', async () => {
    const dataDir = freshDataDir();
    const [oldKey, newKey] = [generateSecretKey(), generateSecretKey()];
    const { apiChannel } = await firstStart({ DATA_DIR: dataDir, SECRET_KEY: hex(oldKey) });

    const rotated = await runToExit(['apps/api/src/cli/secrets-rotate.cli.ts'], { DATA_DIR: dataDir, SECRET_KEY: hex(oldKey), NEW_SECRET_KEY: hex(newKey) });
    expect(rotated.output).toContain(`Re-sealed 5 secret(s): key ${keyIdOf(oldKey)} → key ${keyIdOf(newKey)}`);
    expect(rotated.code).toBe(0);
    expect(rotated.output).not.toContain(hex(newKey));

    const refused = await runToExit(['apps/api/src/server.ts'], { DATA_DIR: dataDir, SECRET_KEY: hex(oldKey), ...admin });
    expect(refused.code).toBe(1);
    expect(refused.output).toContain(`Keluh cannot start: The stored secrets were sealed with key ${keyIdOf(newKey)}, but SECRET_KEY is key ${keyIdOf(oldKey)}`);
    expect(refused.output).toContain('npm run secrets:rotate');
    expect(refused.output).not.toMatch(/\n\s+at /);

    const server = await startServerProcess({ DATA_DIR: dataDir, SECRET_KEY: hex(newKey), ...admin });
    try {
      await expectChannelsVerify(server, apiChannel);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  }, 120_000);

  it('with the generated key file: the file is replaced (still 0600), and a rotation cut off before the move is finished at the next start', async () => {
    const dataDir = freshDataDir();
    const { apiChannel } = await firstStart({ DATA_DIR: dataDir });
    const keyFile = join(dataDir, 'secret.key');
    const oldKey = readKeyFile(keyFile);

    const rotated = await runToExit(['apps/api/src/cli/secrets-rotate.cli.ts'], { DATA_DIR: dataDir });
    expect(rotated.code).toBe(0);
    expect(rotated.output).toContain(`The new key is in ${keyFile}`);
    const newKey = readKeyFile(keyFile);
    expect(newKey.equals(oldKey)).toBe(false);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(existsSync(join(dataDir, 'secret.key.next'))).toBe(false);

    const refused = await runToExit(['apps/api/src/server.ts'], { DATA_DIR: dataDir, SECRET_KEY: hex(oldKey), ...admin });
    expect(refused.code).toBe(1);
    expect(refused.output).toContain(`sealed with key ${keyIdOf(newKey)}`);

    // As if the process died after the commit but before moving the new key into place.
    renameSync(keyFile, join(dataDir, 'secret.key.next'));
    writeFileSync(keyFile, `${hex(oldKey)}\n`, { mode: 0o600 });
    const server = await startServerProcess({ DATA_DIR: dataDir, ...admin });
    try {
      expect(server.output()).toContain(`finished an interrupted key rotation: ${keyFile} is now key ${keyIdOf(newKey)}`);
      expect(readKeyFile(keyFile).equals(newKey)).toBe(true);
      await expectChannelsVerify(server, apiChannel);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  }, 120_000);

  it('a lost key file stops the start with what to restore, instead of sealing on with a new key', async () => {
    const dataDir = freshDataDir();
    await firstStart({ DATA_DIR: dataDir });
    const keyFile = join(dataDir, 'secret.key');
    const keyId = keyIdOf(readKeyFile(keyFile));
    unlinkSync(keyFile);
    const refused = await runToExit(['apps/api/src/server.ts'], { DATA_DIR: dataDir, ...admin });
    expect(refused.code).toBe(1);
    expect(refused.output).toContain(`The database holds secrets sealed with key ${keyId}, but SECRET_KEY is unset and there was no key file at ${keyFile}. Restore that file`);
    expect(existsSync(keyFile)).toBe(false);
  }, 90_000);
});
