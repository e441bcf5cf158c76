import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wa, waEcho } from '@keluh/meta-sim';
import type { StoredEvent, Ticket } from '@keluh/core';
import { startChannelHarness, type ChannelHarness } from '../../testing/channel-harness.ts';

/** Stage 1 on ingest: each customer writes over the real WhatsApp webhook route, delivered by meta-sim. */
describe('a customer who sounds angry or urgent is seen to first', () => {
  let h: ChannelHarness;
  beforeAll(async () => {
    h = await startChannelHarness();
  });
  afterAll(() => h.close());

  let nextCustomer = 0;
  const customer = () => ({ name: `Pelanggan ${++nextCustomer}`, waId: `62812000${String(nextCustomer).padStart(5, '0')}` });
  const send = async (who: { name: string; waId: string }, body: string, id = `wamid.emotion.${who.waId}.${Math.random().toString(36).slice(2)}`) => {
    const delivery = await h.sim.webhooks.whatsapp.inbound(who, wa.text(body, { id }));
    expect(delivery.attempts.at(-1)?.status).toBe(200);
    const message = await h.message('whatsapp', id);
    return { id, message, ticket: (await h.t.db.tickets.findById(message.ticketId)) as Ticket };
  };
  const eventsFor = async (ticketId: number, type: StoredEvent['type']) =>
    (await h.t.db.events.listAfter(0, { limit: 10_000 })).filter((event) => event.ticketId === ticketId && event.type === type);

  it('an angry WhatsApp message raises a normal ticket to high and records the cues as the reason', async () => {
    const who = customer();
    const first = await send(who, 'Halo kak, mau tanya pesanan saya');
    expect(first.ticket.priority).toBe('normal');
    const { message, ticket } = await send(who, 'KECEWA BANGET!!! Kalian penipu ya, barang gak pernah datang 😡');
    expect(message.emotion).toMatchObject({ level: 'angry', urgent: false });
    expect(ticket.priority).toBe('high');
    const [raised] = await eventsFor(ticket.id, 'ticket.activity');
    expect(raised?.type === 'ticket.activity' && raised.payload.activity).toMatchObject({
      kind: 'priority.raised',
      ticketId: ticket.id,
      actorUserId: null,
      data: { from: 'normal', to: 'high', messageId: message.id, anger: message.emotion!.anger },
    });
    const cues = raised?.type === 'ticket.activity' && raised.payload.activity.kind === 'priority.raised' ? raised.payload.activity.data.cues : [];
    expect(cues).toEqual(expect.arrayContaining([expect.stringContaining('penipu'), expect.stringContaining('😡')]));
    const updates = await eventsFor(ticket.id, 'ticket.updated');
    expect(updates.map((event) => event.type === 'ticket.updated' && [event.payload.ticket.priority, event.payload.changes])).toEqual([['high', ['priority']]]);
  });

  it('an angry and urgent first message opens the ticket at urgent', async () => {
    const { message, ticket } = await send(customer(), 'SEGERA KEMBALIKAN UANG SAYA!!! INI PENIPUAN!!! 😡😡');
    expect(message.emotion).toMatchObject({ level: 'angry', urgent: true });
    expect(ticket.priority).toBe('urgent');
    const [created] = await eventsFor(ticket.id, 'ticket.created');
    expect(created?.type === 'ticket.created' && created.payload.ticket.priority).toBe('urgent');
  });

  it('a calm question is read and stored, and changes nothing about the ticket', async () => {
    const { message, ticket } = await send(customer(), 'Kak, bisa ganti alamat pengiriman ke Bandung?');
    expect(message.emotion).toMatchObject({ level: 'calm', urgent: false });
    expect(ticket).toMatchObject({ priority: 'normal', version: 1 });
    expect(await eventsFor(ticket.id, 'ticket.activity')).toEqual([]);
  });

  it('a priority an agent set higher is never lowered by an angry message', async () => {
    const who = customer();
    const { ticket } = await send(who, 'Halo, pesanan saya belum sampai');
    const patch = await h.t.app.inject({ method: 'PATCH', url: `/api/tickets/${ticket.id}`, headers: h.headers, payload: { priority: 'urgent' } });
    expect(patch.statusCode).toBe(200);
    const after = await send(who, 'Parah!!! Udah 3 hari gak ada kabar, kecewa banget 😡');
    expect(after.message.emotion?.level).toBe('angry');
    expect(after.ticket.priority).toBe('urgent');
    expect(await eventsFor(ticket.id, 'ticket.activity')).toEqual([]);
  });

  it('what the business sends gets no reading: neither our reply nor an echo typed in the WhatsApp Business app', async () => {
    const who = customer();
    const { ticket } = await send(who, 'Kak tolong dicek ya');
    const reply = await h.reply(ticket.id, { body: 'MOHON MAAF KAK!!! Kami cek segera 🙏' });
    expect(reply.statusCode).toBe(201);
    expect((await h.t.db.messages.findById(reply.body.id as number))?.emotion).toBeNull();
    await h.sim.webhooks.whatsapp.echoes([waEcho.text(who.waId, 'KECEWA?! Tidak perlu, kak!!!', { id: `wamid.echo.${who.waId}` })]);
    const echo = await h.message('whatsapp', `wamid.echo.${who.waId}`);
    expect(echo).toMatchObject({ direction: 'out', emotion: null });
    expect((await h.t.db.tickets.findById(ticket.id))?.priority).toBe('normal');
  });

  it('a redelivered angry webhook raises the priority once', async () => {
    const who = customer();
    const id = `wamid.redelivered.${who.waId}`;
    const { ticket } = await send(who, 'Halo kak');
    const body = 'Goblok banget CS nya, ditanya malah muter2!!!';
    await send(who, body, id);
    await h.sim.webhooks.whatsapp.inbound(who, wa.text(body, { id }));
    const after = (await h.t.db.tickets.findById(ticket.id))!;
    expect(after).toMatchObject({ priority: 'high', version: ticket.version + 1 });
    expect(await eventsFor(ticket.id, 'ticket.activity')).toHaveLength(1);
    expect((await h.t.db.messages.listForTicket(ticket.id)).filter((message) => message.externalId === id)).toHaveLength(1);
  });
});
