import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatchDueMessages, ingestEvents, replyToTicket, type ChannelAdapter, type CoreDeps, type Database } from '@keluh/core';
import { fakeClock, freshDb, recordingPublisher, T0 } from '../testing/fixtures.ts';
import { settlesWithin } from '../testing/held-transaction.ts';

/*
 * A status can beat the send response it describes (channels.md §2.5, case 17): unknown ids are parked
 * and applied when the send is stored. The race that matters is the one in between — the status arrives
 * while the transaction storing the id is still committing. On PostgreSQL that transaction is invisible
 * to the status's lookup until it commits, so without care the status is parked after the settlement
 * already took the parked ones, and stays parked for ever.
 */
describe('a delivery status racing the send it describes', () => {
  let deps: CoreDeps;
  beforeEach(async () => {
    deps = { db: await freshDb(), clock: fakeClock(), events: recordingPublisher() };
  });
  afterEach(() => deps.db.close());

  it('a status arriving while the send that stores its channel id commits waits for it and is applied, not parked', async () => {
    await ingestEvents(deps, [
      { kind: 'message', channel: 'whatsapp', externalMessageId: 'wamid.in', sender: { externalId: '6281300000099' }, body: 'Paket saya?', sentAt: T0 },
    ]);
    const ticketId = (await deps.db.messages.findByExternalId('whatsapp', 'wamid.in'))!.ticketId;
    const agent = await deps.db.users.create({ email: 'dewi@k.test', name: 'Dewi', role: 'agent', passwordHash: 'x' }, T0);
    const reply = await replyToTicket(deps, { ticketId, authorUserId: agent.id, body: 'Kami cek dulu' });

    // The send's settlement commits slowly: its transaction stays open after its work until released.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let settling!: () => void;
    const inSettlement = new Promise<void>((resolve) => (settling = resolve));
    const slowCommits: Database = {
      ...deps.db,
      transaction: (work) =>
        deps.db.transaction(async (tx) => {
          const value = await work(tx);
          settling();
          await held;
          return value;
        }),
    };
    const whatsapp: ChannelAdapter = { channel: 'whatsapp', parse: () => [], send: async () => ({ externalMessageId: 'wamid.race' }) };
    const dispatch = dispatchDueMessages({ ...deps, db: slowCommits }, { whatsapp }, { owner: 'p1' });
    await inSettlement;

    const status = ingestEvents(deps, [{ kind: 'status', channel: 'whatsapp', externalMessageId: 'wamid.race', status: 'read', at: T0 }]);
    const statusWaited = !(await settlesWithin(status, 300));
    release();
    expect(await dispatch).toMatchObject({ sent: 1 });

    expect(statusWaited).toBe(true);
    expect(await status).toEqual([{ kind: 'status', outcome: 'applied' }]);
    expect(await deps.db.messages.findById(reply.id)).toMatchObject({ externalId: 'wamid.race', status: 'read' });
    expect(await deps.db.parkedStatuses.take('whatsapp', 'wamid.race')).toEqual([]);
  });
});
