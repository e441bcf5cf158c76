import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase } from '@keluh/db/testing';
import type { Database } from '@keluh/core';
import { createSecretBox, isSealed } from './secret-box.ts';
import { generateSecretKey } from './secret-key.ts';
import { acceptingPlaintext, sealDatabase } from './sealed-repositories.ts';
import { resealSecrets } from './secrets-reseal.ts';

const T0 = '2025-03-01T08:00:00.000Z';
const T1 = '2025-03-02T08:00:00.000Z';
const whatsapp = { appSecret: 'wa-app-secret-0001', verifyToken: 'wa-verify-0001', accessToken: 'wa-access-0001', phoneNumberId: '118220045566779', graphBaseUrl: 'https://graph.facebook.com' };

describe('secrets sealed at rest by the repository decorator (real SQLite)', () => {
  let raw: Database;
  let sealed: Database;
  const box = createSecretBox(generateSecretKey());
  beforeEach(async () => {
    raw = await openTestDatabase();
    sealed = sealDatabase(raw, box);
  });
  afterEach(() => raw.close());

  it('channel secrets are stored sealed and read back plain; ids and URLs stay readable', async () => {
    const saved = await sealed.channelConfigs.upsert('whatsapp', whatsapp, T0);
    expect(saved.settings).toEqual(whatsapp);
    const stored = (await raw.channelConfigs.get('whatsapp'))!.settings;
    for (const key of ['appSecret', 'verifyToken', 'accessToken']) expect(isSealed(stored[key]!), key).toBe(true);
    expect(stored).toMatchObject({ phoneNumberId: whatsapp.phoneNumberId, graphBaseUrl: whatsapp.graphBaseUrl });
    expect(JSON.stringify(stored)).not.toContain('wa-app-secret-0001');
    expect((await sealed.channelConfigs.get('whatsapp'))!.settings).toEqual(whatsapp);
    expect((await sealed.channelConfigs.list())[0]!.settings).toEqual(whatsapp);
  });

  it('what is written inside a transaction is sealed too', async () => {
    await sealed.transaction(async (tx) => {
      await tx.channelConfigs.upsert('whatsapp', whatsapp, T0);
      await tx.apiChannels.create({ name: 'Bridge', secret: 'api-secret-in-tx', webhookUrl: 'https://bridge.example/keluh' }, T0);
      await tx.settings.set('visitor_token_secret', 'visitor-secret-in-tx');
      expect((await tx.channelConfigs.get('whatsapp'))!.settings.appSecret).toBe(whatsapp.appSecret);
    });
    expect(isSealed((await raw.channelConfigs.get('whatsapp'))!.settings.appSecret!)).toBe(true);
    expect(isSealed((await raw.apiChannels.list())[0]!.secret)).toBe(true);
    expect(isSealed((await raw.settings.get('visitor_token_secret'))!)).toBe(true);
  });

  it('API-channel secrets are sealed on create and on rotation; the caller sees them plain', async () => {
    const created = await sealed.apiChannels.create({ name: 'Bridge', secret: 'api-secret-1', webhookUrl: 'https://bridge.example/keluh' }, T0);
    expect(created.secret).toBe('api-secret-1');
    const rotated = await sealed.apiChannels.update(created.id, { secret: 'api-secret-2' }, T1);
    expect(rotated?.secret).toBe('api-secret-2');
    const renamed = await sealed.apiChannels.update(created.id, { name: 'Renamed' }, T1);
    expect(renamed?.secret).toBe('api-secret-2');
    const stored = (await raw.apiChannels.findById(created.id))!;
    expect(isSealed(stored.secret)).toBe(true);
    expect((await sealed.apiChannels.findById(created.id))!.secret).toBe('api-secret-2');
    expect(await sealed.apiChannels.update(999, { secret: 'x' }, T1)).toBeNull();
  });

  it('only settings that are secrets are sealed', async () => {
    await sealed.settings.set('visitor_token_secret', 'visitor-secret-1');
    await sealed.settings.set('some_flag', 'on');
    expect(isSealed((await raw.settings.get('visitor_token_secret'))!)).toBe(true);
    expect(await raw.settings.get('some_flag')).toBe('on');
    expect(await sealed.settings.get('visitor_token_secret')).toBe('visitor-secret-1');
    expect(await sealed.settings.get('missing')).toBeNull();
  });

  it('a plain value where a sealed one belongs is an error while running, never handed to a channel', async () => {
    await raw.channelConfigs.upsert('whatsapp', whatsapp, T0);
    await expect(sealed.channelConfigs.get('whatsapp')).rejects.toMatchObject({ code: 'secrets.unreadable' });
  });

  it('an older install’s plain secrets are sealed in one pass that keeps the channel’s status and time', async () => {
    await raw.channelConfigs.upsert('whatsapp', whatsapp, T0);
    await raw.channelConfigs.setStatus('whatsapp', 'reconnect_needed', 'token expired', T0);
    await raw.apiChannels.create({ name: 'Bridge', secret: 'legacy-api-secret', webhookUrl: 'https://bridge.example/keluh' }, T0);
    await raw.settings.set('visitor_token_secret', 'legacy-visitor-secret');

    const report = await resealSecrets(raw, acceptingPlaintext(box), box, (stored) => !isSealed(stored));
    expect(report).toEqual({ checked: 5, rewritten: 5 });
    expect(await sealed.channelConfigs.get('whatsapp')).toMatchObject({ settings: whatsapp, status: 'reconnect_needed', statusReason: 'token expired', updatedAt: T0 });
    expect((await sealed.apiChannels.list())[0]).toMatchObject({ secret: 'legacy-api-secret', updatedAt: T0 });
    expect(await sealed.settings.get('visitor_token_secret')).toBe('legacy-visitor-secret');
    expect(await resealSecrets(raw, acceptingPlaintext(box), box, (stored) => !isSealed(stored))).toEqual({ checked: 5, rewritten: 0 });
  });

  it('rotation re-seals everything under the new key, or — when one value does not open — nothing at all', async () => {
    const next = createSecretBox(generateSecretKey());
    await sealed.channelConfigs.upsert('whatsapp', whatsapp, T0);
    await sealed.settings.set('visitor_token_secret', 'visitor-secret-1');
    // One value sealed under a third key: the walk must stop before anything is half-rotated.
    await raw.apiChannels.create({ name: 'Odd', secret: createSecretBox(generateSecretKey()).seal('x', 'api_channel:secret'), webhookUrl: 'https://x.example' }, T0);
    await expect(resealSecrets(raw, acceptingPlaintext(box), next, () => true)).rejects.toMatchObject({ code: 'secrets.key_mismatch' });
    expect((await sealed.channelConfigs.get('whatsapp'))!.settings).toEqual(whatsapp);

    await raw.apiChannels.delete(1);
    expect(await resealSecrets(raw, acceptingPlaintext(box), next, () => true)).toEqual({ checked: 4, rewritten: 4 });
    const rotated = sealDatabase(raw, next);
    expect((await rotated.channelConfigs.get('whatsapp'))!.settings).toEqual(whatsapp);
    expect(await rotated.settings.get('visitor_token_secret')).toBe('visitor-secret-1');
    await expect(sealed.settings.get('visitor_token_secret')).rejects.toMatchObject({ code: 'secrets.key_mismatch' });
  });
});
