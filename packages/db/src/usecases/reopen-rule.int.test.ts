import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingestMessage, saveThreadingSettings, updateTicket, type CoreDeps, type InboundMessageEvent, type Instant } from '@keluh/core';
import { fakeClock, freshDb, recordingPublisher, T0 } from '../testing/fixtures.ts';

const DAY = 24 * 60 * 60 * 1000;

const whatsapp = (externalMessageId: string, sentAt: Instant, body = 'Paket saya belum sampai'): InboundMessageEvent => ({
  kind: 'message',
  channel: 'whatsapp',
  externalMessageId,
  sender: { externalId: '6281234500', displayName: 'Sari', phone: '+6281234500', verified: true },
  body,
  sentAt,
});

describe('the reopen rule: a customer writing after resolution', () => {
  let deps: CoreDeps & { clock: ReturnType<typeof fakeClock> };
  beforeEach(async () => {
    deps = { db: await freshDb(), clock: fakeClock(), events: recordingPublisher() };
    deps.clock.freeze();
  });
  afterEach(() => deps.db.close());

  /** The message arrives `ms` after the resolution: the clock is frozen at it, and moved on by hand. */
  function arriveAfter(resolvedAt: Instant, ms: number): Instant {
    deps.clock.advance(Date.parse(resolvedAt) + ms - Date.parse(deps.clock.now()));
    return deps.clock.now();
  }

  async function resolvedTicket() {
    const first = await ingestMessage(deps, whatsapp('wamid.r1', T0));
    const resolved = await updateTicket(deps, first.ticket.id, { status: 'resolved' });
    return resolved;
  }

  it('a message three days minus a second after resolution reopens the same ticket', async () => {
    const resolved = await resolvedTicket();
    const at = arriveAfter(resolved.resolvedAt!, 3 * DAY - 1000);
    const next = await ingestMessage(deps, whatsapp('wamid.r2', at, 'Masih belum sampai'));
    expect(next).toMatchObject({ ticketCreated: false, ticket: { id: resolved.id, status: 'open', resolvedAt: null } });
    expect((await deps.db.messages.listForTicket(resolved.id)).map((m) => m.body)).toEqual(['Paket saya belum sampai', 'Masih belum sampai']);
    expect(await deps.db.tickets.listForCustomer(resolved.customerId)).toHaveLength(1);
  });

  it('a message written inside the window but arriving after it is judged on arrival', async () => {
    const resolved = await resolvedTicket();
    arriveAfter(resolved.resolvedAt!, 3 * DAY + 1000);
    const late = await ingestMessage(deps, whatsapp('wamid.r4', resolved.resolvedAt!, 'Halo lagi'));
    expect(late.ticket).toMatchObject({ previousTicketId: resolved.id });
  });

  it('a message three days plus a second after resolution opens a new ticket linked to the old one', async () => {
    const resolved = await resolvedTicket();
    const at = arriveAfter(resolved.resolvedAt!, 3 * DAY + 1000);
    const next = await ingestMessage(deps, whatsapp('wamid.r3', at, 'Ada masalah lain'));
    expect(next).toMatchObject({ ticketCreated: true, ticket: { status: 'open', previousTicketId: resolved.id, customerId: resolved.customerId } });
    expect(next.ticket.id).not.toBe(resolved.id);
    expect(await deps.db.tickets.findById(resolved.id)).toMatchObject({ status: 'resolved', resolvedAt: resolved.resolvedAt });
  });

  it('a closed ticket reopens too, and the window follows the admin setting', async () => {
    await saveThreadingSettings(deps, { reopenDays: 10 });
    const first = await ingestMessage(deps, whatsapp('wamid.c1', T0));
    const closed = await updateTicket(deps, first.ticket.id, { status: 'closed' });
    const next = await ingestMessage(deps, whatsapp('wamid.c2', arriveAfter(closed.resolvedAt!, 9 * DAY)));
    expect(next).toMatchObject({ ticketCreated: false, ticket: { id: closed.id, status: 'open' } });
  });

  it('with the window at zero days, any later message opens a new linked ticket', async () => {
    await saveThreadingSettings(deps, { reopenDays: 0 });
    const resolved = await resolvedTicket();
    const next = await ingestMessage(deps, whatsapp('wamid.z2', arriveAfter(resolved.resolvedAt!, 1000)));
    expect(next.ticket).toMatchObject({ previousTicketId: resolved.id });
  });

  it('an echo typed in the business app after resolution never reopens the ticket', async () => {
    const resolved = await resolvedTicket();
    const echo = { ...whatsapp('wamid.e2', arriveAfter(resolved.resolvedAt!, 1000), 'Terima kasih'), author: 'business_app' as const };
    const result = await ingestMessage(deps, echo);
    expect(result.ticket.id).not.toBe(resolved.id);
    expect((await deps.db.tickets.findById(resolved.id))?.status).toBe('resolved');
  });

  it('two messages racing in after resolution reopen the ticket once and both thread into it', async () => {
    const resolved = await resolvedTicket();
    const at = arriveAfter(resolved.resolvedAt!, 60_000);
    const [a, b] = await Promise.all([ingestMessage(deps, whatsapp('wamid.race1', at, 'Halo?')), ingestMessage(deps, whatsapp('wamid.race2', at, 'Masih ada?'))]);
    expect([a.ticket.id, b.ticket.id]).toEqual([resolved.id, resolved.id]);
    expect(await deps.db.tickets.listForCustomer(resolved.customerId)).toHaveLength(1);
    expect(await deps.db.tickets.findById(resolved.id)).toMatchObject({ status: 'open', version: resolved.version + 1 });
    expect(await deps.db.messages.listForTicket(resolved.id)).toHaveLength(3);
  });

  it('an out-of-range window is refused with a coded error and stores nothing', async () => {
    await expect(saveThreadingSettings(deps, { reopenDays: -1 })).rejects.toMatchObject({ code: 'validation.failed' });
    expect(await deps.db.settings.get('tickets.reopen_days')).toBeNull();
  });
});
