import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestEvents } from '@keluh/core';
import { adjustableClock } from '../testing/adjustable-clock.ts';
import { eventually, startTestApp, type TestApp } from '../testing/test-app.ts';
import { PARKED_STATUS_TTL_MS } from './janitor.jobs.ts';

describe('statuses for messages that never turn up', () => {
  let t: TestApp;
  const clock = adjustableClock();
  beforeAll(async () => {
    t = await startTestApp({ clock });
  });
  afterAll(() => t.close());

  it('are kept a day for a send that may still be stored, then discarded by the hourly sweep', async () => {
    const core = t.app.services.core;
    await ingestEvents(core, [{ kind: 'status', channel: 'whatsapp', externalMessageId: 'wamid.someone-else', status: 'delivered', at: clock.now() }]);
    const sweep = await t.db.jobs.findByKey('janitor.parked_statuses', 'recurring');
    expect(sweep).toMatchObject({ state: 'pending', runAt: expect.any(String) });

    // The first sweep, an hour after start: the status is still young enough to be kept.
    clock.advance(60 * 60 * 1000);
    t.app.services.jobs.kick();
    await eventually(async () => expect(((await t.db.jobs.findByKey('janitor.parked_statuses', 'recurring'))?.runAt ?? '') > sweep!.runAt).toBe(true));
    expect(await t.db.parkedStatuses.purgeOlderThan('2000-01-01T00:00:00.000Z')).toBe(0);

    clock.advance(PARKED_STATUS_TTL_MS);
    t.app.services.jobs.kick();
    await eventually(async () => {
      await t.app.services.jobs.settled();
      expect(await t.db.parkedStatuses.take('whatsapp', 'wamid.someone-else')).toEqual([]);
    });
  });
});
