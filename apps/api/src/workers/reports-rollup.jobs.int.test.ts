import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getReport, ingestMessage } from '@keluh/core';
import { adjustableClock } from '../testing/adjustable-clock.ts';
import { eventually, startTestApp, type TestApp } from '../testing/test-app.ts';

describe('the recurring report rollup, with two processes on one database', () => {
  let a: TestApp;
  let b: TestApp;
  const clock = adjustableClock();

  beforeAll(async () => {
    a = await startTestApp({ clock });
    b = await startTestApp({ clock, shareDatabaseWith: a });
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  const runBoth = async () => {
    a.app.services.jobs.kick();
    b.app.services.jobs.kick();
    await Promise.all([a.app.services.jobs.settled(), b.app.services.jobs.settled()]);
  };

  it('folds new events every 30 seconds, whichever process claims it, and counts each message once', async () => {
    const deps = { db: a.db, clock, events: { publish: () => undefined } };
    for (const sender of ['rina', 'budi', 'sari']) {
      await ingestMessage(deps, { kind: 'message', channel: 'webchat', externalMessageId: `rollup-${sender}`, sender: { externalId: sender, displayName: sender }, body: 'Halo, ada kendala', sentAt: clock.now() });
    }
    const latest = await a.db.events.latestId();
    clock.advance(31_000);
    await eventually(async () => {
      await runBoth();
      expect(await a.db.reportRollups.getCursor()).toBe(latest);
    });
    for (let round = 0; round < 2; round += 1) {
      clock.advance(31_000);
      await runBoth();
    }
    const day = clock.now().slice(0, 10);
    const volume = await getReport(a.app.services.core, { report: 'volume', from: day, to: day, zone: 'UTC', groupBy: 'channel' });
    expect(volume.totals).toEqual([{ day: 'total', group: 'webchat', values: { tickets: 3, inbound: 3, outbound: 0 } }]);
    expect(await a.db.jobs.findByKey('reports.rollup', 'recurring')).toMatchObject({ state: 'pending', attempts: 0 });
  });
});
