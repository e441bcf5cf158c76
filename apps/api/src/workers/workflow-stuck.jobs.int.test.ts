import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getWorkflow, ingestMessage, nudgeStuckTickets, type StoredEvent } from '@keluh/core';
import { adjustableClock } from '../testing/adjustable-clock.ts';
import { eventually, startTestApp, type TestApp } from '../testing/test-app.ts';

const MINUTE = 60_000;

describe('nudging tickets stuck in a stage, with two processes on one database', () => {
  let a: TestApp;
  let b: TestApp;
  // One clock for both processes: they share a database and, in production, the wall clock.
  const clock = adjustableClock();

  beforeAll(async () => {
    a = await startTestApp({ clock });
    b = await startTestApp({ clock, shareDatabaseWith: a });
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  const openTicket = async (sender: string) => {
    const { ticket } = await ingestMessage(
      { db: a.db, clock, events: { publish: () => undefined } },
      { kind: 'message', channel: 'webchat', externalMessageId: `stuck-${sender}`, sender: { externalId: sender, displayName: sender }, body: 'Halo, pesanan saya belum datang', sentAt: clock.now() },
    );
    await getWorkflow(a.app.services.core, ticket.id);
    return ticket.id;
  };
  const nudges = async (): Promise<number[]> =>
    (await a.db.events.listAfter(0, { limit: 10_000 }))
      .filter((event): event is Extract<StoredEvent, { type: 'workflow.stuck' }> => event.type === 'workflow.stuck')
      .map((event) => event.payload.stuck.ticketId);
  const runBoth = async () => {
    a.app.services.jobs.kick();
    b.app.services.jobs.kick();
    await Promise.all([a.app.services.jobs.settled(), b.app.services.jobs.settled()]);
  };

  it('each stuck stage entry nudges its assignee once, whichever runner scans and however often', async () => {
    const tickets = [await openTicket('rina'), await openTicket('budi'), await openTicket('sari')];
    // Stage 1's threshold is 15 minutes; the scan runs every minute.
    clock.advance(16 * MINUTE);
    await eventually(async () => {
      await runBoth();
      expect((await nudges()).sort()).toEqual([...tickets].sort());
    });
    for (let minute = 0; minute < 3; minute += 1) {
      clock.advance(MINUTE + 1000);
      await runBoth();
    }
    expect((await nudges()).sort()).toEqual([...tickets].sort());
    const scan = await a.db.jobs.findByKey('workflow.stuck_scan', 'recurring');
    expect(scan).toMatchObject({ state: 'pending', attempts: 0 });
  });

  it('two scans overlapping at the same moment still nudge a newly stuck ticket once', async () => {
    const before = (await nudges()).length;
    const late = await openTicket('dewi');
    clock.advance(16 * MINUTE);
    const [one, two] = await Promise.all([nudgeStuckTickets(a.app.services.core), nudgeStuckTickets(b.app.services.core)]);
    // The runners' own poll may be scanning at this moment too: at most one of all of them nudges.
    expect(one + two).toBeLessThanOrEqual(1);
    await eventually(async () => expect((await nudges()).length).toBe(before + 1));
    await runBoth();
    const after = await nudges();
    expect(after.length).toBe(before + 1);
    expect(after.at(-1)).toBe(late);
  });
});
