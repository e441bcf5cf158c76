import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase } from '@keluh/db/testing';
import type { Database } from '@keluh/core';
import { createSecretBox } from '../security/secret-box.ts';
import { generateSecretKey } from '../security/secret-key.ts';
import { sealDatabase } from '../security/sealed-repositories.ts';
import { connectDemoChannels, demoSimCredentials, demoSimUrl } from './demo-channels.ts';

const T0 = '2025-03-01T08:00:00.000Z';
const simUrl = demoSimUrl(3900);

describe('demo channels for the local Meta stand-in (DEMO_SIM=1)', () => {
  let db: Database;
  beforeEach(async () => {
    db = sealDatabase(await openTestDatabase(), createSecretBox(generateSecretKey()));
  });
  afterEach(() => db.close());

  it('connects the unconfigured channels with secrets made for this database, and hands exactly those to the stand-in', async () => {
    expect(await connectDemoChannels(db, simUrl, T0)).toEqual(['whatsapp', 'instagram']);
    const whatsapp = (await db.channelConfigs.get('whatsapp'))!.settings;
    expect(whatsapp).toMatchObject({ phoneNumberId: '118220045566779', graphBaseUrl: simUrl });
    for (const key of ['appSecret', 'verifyToken', 'accessToken']) expect(whatsapp[key]).toMatch(/^[\w-]{43}$/);
    expect(await demoSimCredentials(db, simUrl)).toEqual({
      whatsapp: { appSecret: whatsapp.appSecret, accessToken: whatsapp.accessToken },
      instagram: { appSecret: (await db.channelConfigs.get('instagram'))!.settings.appSecret, accessToken: (await db.channelConfigs.get('instagram'))!.settings.accessToken },
    });

    const other = sealDatabase(await openTestDatabase(), createSecretBox(generateSecretKey()));
    await connectDemoChannels(other, simUrl, T0);
    expect((await other.channelConfigs.get('whatsapp'))!.settings.appSecret).not.toBe(whatsapp.appSecret);
    await other.close();
  });

  it('leaves a channel configured from the environment or by an admin alone, and never gives the stand-in its secret', async () => {
    const real = { appSecret: 'real-meta-app-secret', verifyToken: 'v', accessToken: 'real-token', phoneNumberId: '1234567', graphBaseUrl: 'https://graph.facebook.com', graphVersion: 'v23.0' };
    await db.channelConfigs.upsert('whatsapp', real, T0);
    expect(await connectDemoChannels(db, simUrl, T0)).toEqual(['instagram']);
    expect((await db.channelConfigs.get('whatsapp'))!.settings).toEqual(real);
    const credentials = await demoSimCredentials(db, simUrl);
    expect(credentials.whatsapp).toBeNull();
    expect(credentials.instagram).not.toBeNull();
    // A later start connects nothing twice.
    expect(await connectDemoChannels(db, simUrl, T0)).toEqual([]);
  });
});
