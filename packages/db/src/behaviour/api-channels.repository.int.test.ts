import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '@keluh/core';
import { freshDb, T0 } from '../testing/fixtures.ts';

const LATER = '2026-03-02T09:00:00.000Z';

describe('API channel integrations', () => {
  let db: Database;
  beforeEach(async () => {
    db = await freshDb();
  });
  afterEach(() => db.close());

  it('are created, found and listed oldest first', async () => {
    const telegram = await db.apiChannels.create({ name: 'Telegram bridge', secret: 's-1', webhookUrl: 'https://tg.example/hook' }, T0);
    const market = await db.apiChannels.create({ name: 'Tokopedia chat', secret: 's-2', webhookUrl: 'https://mp.example/hook' }, T0);
    expect(telegram).toEqual({ id: telegram.id, name: 'Telegram bridge', secret: 's-1', webhookUrl: 'https://tg.example/hook', createdAt: T0, updatedAt: T0 });
    expect(await db.apiChannels.findById(market.id)).toEqual(market);
    expect((await db.apiChannels.list()).map((channel) => channel.name)).toEqual(['Telegram bridge', 'Tokopedia chat']);
  });

  it('change only what is patched, and say when there is nothing to change', async () => {
    const channel = await db.apiChannels.create({ name: 'Mail bridge', secret: 'old', webhookUrl: 'https://mail.example/hook' }, T0);
    expect(await db.apiChannels.update(channel.id, { secret: 'new' }, LATER)).toEqual({ ...channel, secret: 'new', updatedAt: LATER });
    expect(await db.apiChannels.update(999, { name: 'Ghost' }, LATER)).toBeNull();
  });

  it('never reuse the id of a deleted channel, whose keys still prefix its customers', async () => {
    const first = await db.apiChannels.create({ name: 'A', secret: 'a', webhookUrl: 'https://a.example' }, T0);
    expect(await db.apiChannels.delete(first.id)).toBe(true);
    expect(await db.apiChannels.delete(first.id)).toBe(false);
    expect(await db.apiChannels.findById(first.id)).toBeNull();
    expect((await db.apiChannels.create({ name: 'B', secret: 'b', webhookUrl: 'https://b.example' }, T0)).id).toBeGreaterThan(first.id);
  });
});
