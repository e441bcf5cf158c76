import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '@keluh/db';
import { serializePayload, signatureHeader, wa, waInbound } from '@keluh/meta-sim';
import { createSecretBox, isSealed } from './secret-box.ts';
import { readKeyFile } from './secret-key.ts';
import { sealDatabase } from './sealed-repositories.ts';
import { freePort, freshDataDir, printedLogins, signIn, startServerProcess } from '../testing/server-process.ts';

const whatsappEnv = {
  WHATSAPP_APP_SECRET: `wa-app-${Math.random().toString(36).slice(2)}`,
  WHATSAPP_VERIFY_TOKEN: `wa-verify-${Math.random().toString(36).slice(2)}`,
  WHATSAPP_ACCESS_TOKEN: `wa-access-${Math.random().toString(36).slice(2)}`,
  WHATSAPP_PHONE_NUMBER_ID: '118220045566779',
  GRAPH_API_BASE_URL: 'http://127.0.0.1:9',
};
const mode = (path: string) => statSync(path).mode & 0o777;
/** The database as a thief with a copy of the data folder (minus the key) sees it: the file and its WAL. */
const rawBytes = (file: string) => Buffer.concat([file, `${file}-wal`].filter(existsSync).map((path) => readFileSync(path)));
const signedWhatsapp = (secret: string, text: string) => {
  const body = serializePayload(waInbound({ wabaId: '498712345600011', phoneNumberId: '118220045566779', displayPhoneNumber: '6281100020003' }, { name: 'Rina', waId: '6281234567801' }, [wa.text(text)]));
  return { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': signatureHeader(body, secret) }, body };
};

describe('secrets at rest', () => {
  it('are sealed in the database file and its WAL; the data folder is 0700, the database and key 0600', async () => {
    const dataDir = freshDataDir();
    const file = join(dataDir, 'keluh.db');
    const server = await startServerProcess({ DATA_DIR: dataDir, SEED_DEMO: '1', DEMO_SIM: '1', META_SIM_PORT: String(await freePort()), META_SIM_INTERVAL_MS: '600000', ...whatsappEnv });
    try {
      const token = (await signIn(server.url, 'admin@keluh.test', printedLogins(server.output()).get('admin@keluh.test')!))!;
      const created = (await (
        await fetch(`${server.url}/api/api-channels`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ name: 'Bridge', webhookUrl: 'https://bridge.example/keluh' }),
        })
      ).json()) as { secret: string };

      expect(mode(dataDir)).toBe(0o700);
      for (const path of [file, `${file}-wal`, `${file}-shm`, join(dataDir, 'secret.key')]) expect(mode(path), path).toBe(0o600);

      // What the server holds, read back through the key: the env's WhatsApp secrets, the generated
      // Instagram ones DEMO_SIM connected, the API channel's and the visitor-token secret.
      const peek = await openDatabase(`sqlite://${file}`);
      const sealed = sealDatabase(peek, createSecretBox(readKeyFile(join(dataDir, 'secret.key'))));
      const instagram = (await sealed.channelConfigs.get('instagram'))!.settings;
      const whatsapp = (await sealed.channelConfigs.get('whatsapp'))!.settings;
      const plain = [
        ...Object.values(whatsappEnv).slice(0, 3),
        instagram.appSecret!,
        instagram.verifyToken!,
        instagram.accessToken!,
        created.secret,
        (await sealed.settings.get('visitor_token_secret'))!,
      ];
      expect(whatsapp).toMatchObject({ appSecret: whatsappEnv.WHATSAPP_APP_SECRET, accessToken: whatsappEnv.WHATSAPP_ACCESS_TOKEN });
      for (const config of await peek.channelConfigs.list()) for (const key of ['appSecret', 'verifyToken', 'accessToken']) expect(isSealed(config.settings[key]!), `${config.kind}.${key}`).toBe(true);
      expect(isSealed((await peek.apiChannels.list())[0]!.secret)).toBe(true);
      expect(isSealed((await peek.settings.get('visitor_token_secret'))!)).toBe(true);
      await peek.close();

      const bytes = rawBytes(file);
      expect(bytes.length).toBeGreaterThan(0);
      for (const secret of plain) expect(bytes.includes(secret), secret).toBe(false);

      // Admins still see the masked view they always did.
      const view = (await (await fetch(`${server.url}/api/channels`, { headers: { authorization: `Bearer ${token}` } })).json()) as { items: { kind: string; settings: Record<string, string> }[] };
      expect(view.items.find((item) => item.kind === 'whatsapp')!.settings.appSecret).toBe(`••••${whatsappEnv.WHATSAPP_APP_SECRET.slice(-4)}`);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  }, 90_000);

  it('an older install’s plain-text secrets are sealed at start, gone from the file, and the channel still verifies its webhooks', async () => {
    const dataDir = freshDataDir();
    const file = join(dataDir, 'keluh.db');
    const legacy = { appSecret: `legacy-app-${Math.random().toString(36).slice(2)}`, verifyToken: `legacy-verify-${Math.random().toString(36).slice(2)}`, accessToken: `legacy-access-${Math.random().toString(36).slice(2)}` };
    const old = await openDatabase(`sqlite://${file}`);
    const now = new Date().toISOString();
    await old.channelConfigs.upsert('whatsapp', { ...legacy, phoneNumberId: '118220045566779', graphBaseUrl: 'http://127.0.0.1:9', graphVersion: 'v23.0' }, now);
    await old.apiChannels.create({ name: 'Bridge', secret: 'legacy-api-secret-0123456789', webhookUrl: 'https://bridge.example/keluh' }, now);
    await old.settings.set('visitor_token_secret', 'legacy-visitor-secret-0123456789');
    await old.close();
    const plain = [...Object.values(legacy), 'legacy-api-secret-0123456789', 'legacy-visitor-secret-0123456789'];
    expect(plain.every((secret) => readFileSync(file).includes(secret))).toBe(true);

    const server = await startServerProcess({ DATA_DIR: dataDir, SEED_DEMO: '0' });
    try {
      expect(server.output()).toContain('sealed 5 secret(s) an older version had stored in plain text');
      const bytes = rawBytes(file);
      for (const secret of plain) expect(bytes.includes(secret), secret).toBe(false);
      expect((await fetch(`${server.url}/webhooks/whatsapp`, signedWhatsapp(legacy.appSecret, 'after sealing'))).status).toBe(200);
    } finally {
      expect(await server.stop()).toBe(0);
    }
    for (const secret of plain) expect(readFileSync(file).includes(secret), secret).toBe(false);
  }, 90_000);
});
