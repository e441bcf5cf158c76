import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assertCaseExists, ingestMessage, makePromise, settlePromise, updateTicket, type CoreDeps, type Database } from '@keluh/core';
import { fakeClock, freshDb, recordingPublisher, T0 } from '../testing/fixtures.ts';

const HOUR = 3_600_000;

describe('the resolution record a complaint leaves', () => {
  let db: Database;
  let deps: CoreDeps & { clock: ReturnType<typeof fakeClock> };
  let agentId: number;
  const complaint = async (sender: string, body: string) =>
    (await ingestMessage(deps, { kind: 'message', channel: 'whatsapp', externalMessageId: `wamid.${sender}.${body.length}`, sender: { externalId: sender, displayName: 'Rina' }, body, sentAt: T0 })).ticket;

  beforeEach(async () => {
    db = await freshDb();
    deps = { db, clock: fakeClock(T0, 0), events: recordingPublisher() };
    agentId = (await db.users.create({ email: 'dewi@k.id', name: 'Dewi', role: 'agent', passwordHash: 'h' }, T0)).id;
  });
  afterEach(() => db.close());

  it("is saved when the ticket is resolved, with the customer's words and the time it took", async () => {
    const ticket = await complaint('62811', 'Paket JNE saya belum sampai, resi CGK1234567');
    expect(await db.resolutions.findByTicket(ticket.id)).toBeNull();
    deps.clock.advance(5 * HOUR);
    await updateTicket(deps, ticket.id, { status: 'resolved' });
    expect(await db.resolutions.findByTicket(ticket.id)).toMatchObject({
      ticketId: ticket.id, customerId: ticket.customerId, channel: 'whatsapp', customerText: 'Paket JNE saya belum sampai, resi CGK1234567',
      timeToFixMs: 5 * HOUR, promiseKept: null, rating: null, resolvedAt: '2026-03-02T13:00:00.000Z',
    });
  });

  it('is saved when an open ticket is closed directly, and left as it is when a resolved one is closed', async () => {
    const closed = await complaint('62812', 'Refund belum masuk');
    deps.clock.advance(HOUR);
    await updateTicket(deps, closed.id, { status: 'closed' });
    expect((await db.resolutions.findByTicket(closed.id))?.timeToFixMs).toBe(HOUR);

    const resolved = await complaint('62813', 'Voucher tidak bisa dipakai');
    await updateTicket(deps, resolved.id, { status: 'resolved' });
    const record = await db.resolutions.findByTicket(resolved.id);
    deps.clock.advance(HOUR);
    await updateTicket(deps, resolved.id, { status: 'closed' });
    expect(await db.resolutions.findByTicket(resolved.id)).toEqual(record);
  });

  it('is saved again, in place, when the ticket is resolved a second time', async () => {
    const ticket = await complaint('62814', 'Layar retak');
    await updateTicket(deps, ticket.id, { status: 'resolved' });
    const first = await db.resolutions.findByTicket(ticket.id);
    await updateTicket(deps, ticket.id, { status: 'open' });
    deps.clock.advance(2 * HOUR);
    await updateTicket(deps, ticket.id, { status: 'resolved' });
    expect(await db.resolutions.findByTicket(ticket.id)).toMatchObject({ id: first!.id, timeToFixMs: 2 * HOUR });
  });

  it('is not saved when the resolving change is refused as stale', async () => {
    const ticket = await complaint('62815', 'Barang salah kirim');
    await expect(updateTicket(deps, ticket.id, { status: 'resolved', version: ticket.version + 5 })).rejects.toMatchObject({ code: 'ticket.conflict' });
    expect(await db.resolutions.findByTicket(ticket.id)).toBeNull();
  });

  it('learns whether the promise was kept, when resolved and when the promise is settled later', async () => {
    const ticket = await complaint('62816', 'Pesanan belum dikirim');
    const promise = await makePromise(deps, { ticketId: ticket.id, text: 'Dikirim hari ini', dueAt: '2026-03-03T08:00:00.000Z', byUserId: agentId });
    await settlePromise(deps, { promiseId: promise.id, state: 'kept', byUserId: agentId });
    await updateTicket(deps, ticket.id, { status: 'resolved' });
    expect((await db.resolutions.findByTicket(ticket.id))?.promiseKept).toBe(true);

    const late = await complaint('62817', 'Refund lama');
    const second = await makePromise(deps, { ticketId: late.id, text: 'Refund 2 hari', dueAt: '2026-03-04T08:00:00.000Z', byUserId: agentId });
    await updateTicket(deps, late.id, { status: 'resolved' });
    expect((await db.resolutions.findByTicket(late.id))?.promiseKept).toBeNull();
    await settlePromise(deps, { promiseId: second.id, state: 'broken', byUserId: agentId });
    expect((await db.resolutions.findByTicket(late.id))?.promiseKept).toBe(false);
  });

  it('lets an agent link only a past case that exists', async () => {
    const ticket = await complaint('62818', 'Salah ukuran');
    await updateTicket(deps, ticket.id, { status: 'resolved' });
    const record = await db.resolutions.findByTicket(ticket.id);
    expect(await assertCaseExists(db, record!.id)).toEqual(record);
    await expect(assertCaseExists(db, record!.id + 1000)).rejects.toMatchObject({ code: 'case.not_found', status: 404 });
  });
});
