import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingestMessage, mergeTickets, splitTicket, undoTicketMove, updateTicket, type CoreDeps, type InboundMessageEvent } from '@keluh/core';
import { fakeClock, freshDb, recordingPublisher, T0 } from '../testing/fixtures.ts';

const WEEK = 7 * 24 * 60 * 60 * 1000;

describe('merging and splitting tickets, and undoing either', () => {
  let deps: CoreDeps & { clock: ReturnType<typeof fakeClock>; events: ReturnType<typeof recordingPublisher> };
  beforeEach(async () => {
    deps = { db: await freshDb(), clock: fakeClock(), events: recordingPublisher() };
  });
  afterEach(() => deps.db.close());

  let seq = 0;
  const say = (body: string, from = '6281234500') => {
    const event: InboundMessageEvent = { kind: 'message', channel: 'whatsapp', externalMessageId: `wamid.m${++seq}`, sender: { externalId: from, displayName: 'Sari' }, body, sentAt: T0 };
    return ingestMessage(deps, event);
  };

  /** Sari's resolved ticket (two messages) and, a week later, her new open one (one message). */
  async function oldAndNew(from = '6281234500') {
    const first = await say('Paket belum sampai', from);
    await say('Nomor pesanan 123', from);
    await updateTicket(deps, first.ticket.id, { status: 'resolved' });
    deps.clock.advance(WEEK);
    const next = await say('Paketnya rusak', from);
    return { old: first.ticket.id, current: next.ticket.id };
  }
  const bodies = async (ticketId: number) => (await deps.db.messages.listForTicket(ticketId)).map((m) => m.body);

  it('a merge moves every message of the source into the target and closes the source, merged into it', async () => {
    const { old, current } = await oldAndNew();
    const { move, source, target } = await mergeTickets(deps, { ticketId: current, intoTicketId: old, actorUserId: null });
    expect(move).toMatchObject({ kind: 'merge', sourceTicketId: current, targetTicketId: old, sourceStatusBefore: 'open', undoneAt: null });
    expect(source).toMatchObject({ id: current, status: 'closed', mergedIntoTicketId: old, unreadCount: 0 });
    expect(target).toMatchObject({ id: old, status: 'resolved', lastMessagePreview: 'Paketnya rusak', unreadCount: 3 });
    expect(await bodies(old)).toEqual(['Paket belum sampai', 'Nomor pesanan 123', 'Paketnya rusak']);
    expect(await bodies(current)).toEqual([]);
    const moved = deps.events.published.filter((e) => e.type === 'ticket.moved');
    expect(moved.map((e) => e.ticketId).sort()).toEqual([current, old].sort());
  });

  it('undoing a merge puts its messages and the source status back, and leaves later messages where they arrived', async () => {
    const { old, current } = await oldAndNew();
    const before = await deps.db.tickets.findById(current);
    const { move } = await mergeTickets(deps, { ticketId: old, intoTicketId: current, actorUserId: null });
    const later = await say('Halo, ada kabar?');
    expect(later.ticket.id).toBe(current);
    const undone = await undoTicketMove(deps, { moveId: move.id, actorUserId: null });
    expect(undone.move.undoneAt).not.toBeNull();
    expect(undone.source).toMatchObject({ id: old, status: 'resolved', mergedIntoTicketId: null, resolvedAt: (await deps.db.tickets.findById(old))!.resolvedAt });
    expect(await bodies(old)).toEqual(['Paket belum sampai', 'Nomor pesanan 123']);
    expect(await bodies(current)).toEqual(['Paketnya rusak', 'Halo, ada kabar?']);
    expect(undone.target).toMatchObject({ status: before!.status, lastMessagePreview: 'Halo, ada kabar?' });
  });

  it('refuses a merge into itself or into another customer\'s ticket, changing nothing', async () => {
    const sari = await oldAndNew();
    const budi = (await say('Saya Budi', '6289999000')).ticket.id;
    await expect(mergeTickets(deps, { ticketId: sari.current, intoTicketId: sari.current, actorUserId: null })).rejects.toMatchObject({ code: 'ticket.merge_self' });
    await expect(mergeTickets(deps, { ticketId: sari.current, intoTicketId: budi, actorUserId: null })).rejects.toMatchObject({ code: 'ticket.merge_other_customer' });
    await expect(mergeTickets(deps, { ticketId: sari.current, intoTicketId: 9999, actorUserId: null })).rejects.toMatchObject({ code: 'ticket.not_found' });
    expect(await bodies(sari.current)).toEqual(['Paketnya rusak']);
    expect(await bodies(budi)).toEqual(['Saya Budi']);
    expect(await deps.db.ticketMoves.listForTicket(sari.current)).toEqual([]);
    expect((await deps.db.tickets.findById(sari.current))?.status).toBe('open');
  });

  it('a split moves the chosen messages into a new ticket of the same customer, resolved while another is active', async () => {
    const first = await say('Paket belum sampai');
    const second = await say('Oh ya, saya juga mau tanya soal refund');
    await say('Paketnya kapan datang?');
    const { move, source, target } = await splitTicket(deps, { ticketId: first.ticket.id, messageIds: [second.message.id], actorUserId: null });
    expect(move).toMatchObject({ kind: 'split', sourceTicketId: first.ticket.id, targetTicketId: target.id, messageIds: [second.message.id] });
    expect(target).toMatchObject({ customerId: first.ticket.customerId, status: 'resolved', subject: 'Oh ya, saya juga mau tanya soal refund', teamId: first.ticket.teamId });
    expect(source).toMatchObject({ status: 'open', lastMessagePreview: 'Paketnya kapan datang?' });
    expect(await bodies(first.ticket.id)).toEqual(['Paket belum sampai', 'Paketnya kapan datang?']);
    expect(await bodies(target.id)).toEqual(['Oh ya, saya juga mau tanya soal refund']);
  });

  it('a split of a finished ticket opens the new one when the customer has no active ticket', async () => {
    const first = await say('Paket belum sampai');
    const second = await say('Refund saya?');
    await updateTicket(deps, first.ticket.id, { status: 'resolved' });
    const { target } = await splitTicket(deps, { ticketId: first.ticket.id, messageIds: [second.message.id], actorUserId: null });
    expect(target).toMatchObject({ status: 'open', resolvedAt: null });
  });

  it('undoing a split brings every message back and folds the split ticket into the source; a second undo is refused', async () => {
    const first = await say('Paket belum sampai');
    const second = await say('Refund saya?');
    await say('Halo?');
    const { move, target } = await splitTicket(deps, { ticketId: first.ticket.id, messageIds: [second.message.id], actorUserId: null });
    const undone = await undoTicketMove(deps, { moveId: move.id, actorUserId: null });
    expect(await bodies(first.ticket.id)).toEqual(['Paket belum sampai', 'Refund saya?', 'Halo?']);
    expect(undone.target).toMatchObject({ id: target.id, status: 'closed', mergedIntoTicketId: first.ticket.id });
    expect(undone.source).toMatchObject({ status: 'open' });
    await expect(undoTicketMove(deps, { moveId: move.id, actorUserId: null })).rejects.toMatchObject({ code: 'ticket.move_undone' });
    await expect(undoTicketMove(deps, { moveId: 9999, actorUserId: null })).rejects.toMatchObject({ code: 'ticket_move.not_found' });
  });

  it('two agents undoing the same merge at once: one undoes it, the other is told it was undone', async () => {
    const { old, current } = await oldAndNew();
    const { move } = await mergeTickets(deps, { ticketId: old, intoTicketId: current, actorUserId: null });
    const outcomes = await Promise.allSettled([undoTicketMove(deps, { moveId: move.id, actorUserId: null }), undoTicketMove(deps, { moveId: move.id, actorUserId: null })]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(outcomes.find((o) => o.status === 'rejected')).toMatchObject({ reason: { code: 'ticket.move_undone' } });
    expect(await bodies(old)).toEqual(['Paket belum sampai', 'Nomor pesanan 123']);
    expect(await bodies(current)).toEqual(['Paketnya rusak']);
    expect((await deps.db.tickets.findById(old))?.status).toBe('resolved');
  });

  it('refuses a split of no message, of every message, or of another ticket\'s message, changing nothing', async () => {
    const first = await say('Paket belum sampai');
    const second = await say('Refund?');
    const other = await say('Saya Budi', '6289999000');
    const split = (messageIds: number[]) => splitTicket(deps, { ticketId: first.ticket.id, messageIds, actorUserId: null });
    await expect(split([])).rejects.toMatchObject({ code: 'ticket.split_empty' });
    await expect(split([first.message.id, second.message.id])).rejects.toMatchObject({ code: 'ticket.split_all' });
    await expect(split([other.message.id])).rejects.toMatchObject({ code: 'validation.failed' });
    expect(await deps.db.tickets.listForCustomer(first.ticket.customerId)).toHaveLength(1);
    expect(await bodies(first.ticket.id)).toEqual(['Paket belum sampai', 'Refund?']);
  });

  it('a merged ticket takes part in no further merge or split until the merge is undone', async () => {
    const { old, current } = await oldAndNew();
    await mergeTickets(deps, { ticketId: old, intoTicketId: current, actorUserId: null });
    await expect(mergeTickets(deps, { ticketId: current, intoTicketId: old, actorUserId: null })).rejects.toMatchObject({ code: 'ticket.already_merged' });
    await expect(splitTicket(deps, { ticketId: old, messageIds: [1], actorUserId: null })).rejects.toMatchObject({ code: 'ticket.already_merged' });
  });
});
