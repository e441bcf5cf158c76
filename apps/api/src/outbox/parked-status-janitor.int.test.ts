import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestEvents } from '@keluh/core';
import { adjustableClock } from '../testing/adjustable-clock.ts';
import { startTestApp, type TestApp } from '../testing/test-app.ts';
import { PARKED_STATUS_TTL_MS, ParkedStatusJanitor } from './parked-status-janitor.ts';

describe('statuses for messages that never turn up', () => {
  let t: TestApp;
  const clock = adjustableClock();
  beforeAll(async () => {
    t = await startTestApp({ clock });
  });
  afterAll(() => t.close());

  it('are kept a day for a send that may still be stored, then discarded', async () => {
    const core = t.app.services.core;
    await ingestEvents(core, [{ kind: 'status', channel: 'whatsapp', externalMessageId: 'wamid.someone-else', status: 'delivered', at: clock.now() }]);
    const janitor = new ParkedStatusJanitor(core, t.app.log);
    expect(await janitor.sweep()).toBe(0);
    clock.advance(PARKED_STATUS_TTL_MS + 1000);
    expect(await janitor.sweep()).toBe(1);
    expect(await t.db.parkedStatuses.take('whatsapp', 'wamid.someone-else')).toEqual([]);
  });
});
