import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ingestMessage } from '@keluh/core';
import { eventually } from '../../testing/test-app.ts';
import { startChannelHarness, type ChannelHarness } from '../../testing/channel-harness.ts';
import { HOUR, messageById, sentTo, waCustomerWrites } from '../../channels/fixtures/outbound.testkit.ts';

/** docs/customers.md §Threading: the composer's channel picker names the identity a reply goes through. */
describe('replying through any of the customer’s identities', () => {
  let h: ChannelHarness;
  beforeAll(async () => {
    h = await startChannelHarness();
  });
  beforeEach(() => h.resetSim());
  afterAll(() => h.close());

  /** Rina wrote on WhatsApp, then on the website chat: one ticket holds both, the web chat last. */
  async function rinaOnTwoChannels(waId: string) {
    const { ticketId } = await waCustomerWrites(h, waId, 'Paket saya belum datang');
    const ticket = (await h.t.db.tickets.findById(ticketId))!;
    const visitor = `visitor-${waId}`;
    const now = new Date(h.t.app.services.clock.now()).toISOString();
    await h.t.db.identities.insertIfAbsent({ customerId: ticket.customerId, channel: 'webchat', externalId: visitor, displayName: 'Rina' }, now);
    const web = await ingestMessage(h.t.app.services.core, { kind: 'message', channel: 'webchat', externalMessageId: `web-${waId}`, sender: { externalId: visitor }, body: 'Saya tanya lewat website juga', sentAt: now });
    expect(web.ticket.id).toBe(ticketId);
    const identities = await h.t.db.identities.listForCustomer(ticket.customerId);
    return { ticketId, whatsapp: identities.find((i) => i.channel === 'whatsapp')!, webchat: identities.find((i) => i.channel === 'webchat')! };
  }

  it('a reply naming the WhatsApp identity leaves through WhatsApp although the customer last wrote on the web chat', async () => {
    const { ticketId, whatsapp } = await rinaOnTwoChannels('6281200011001');
    const reply = await h.reply(ticketId, { body: 'Kami balas lewat WhatsApp ya, Kak', identityId: whatsapp.id });
    expect(reply.statusCode).toBe(201);
    expect(reply.body).toMatchObject({ channel: 'whatsapp', identityId: whatsapp.id, status: 'queued' });
    await eventually(() => expect(sentTo(h, '+6281200011001')).toHaveLength(1));
    expect(sentTo(h, '+6281200011001')[0]!.request).toMatchObject({ type: 'text', text: { body: 'Kami balas lewat WhatsApp ya, Kak' } });
    await eventually(async () => expect((await messageById(h, reply.body.id as number)).status).not.toBe('queued'));
    const timeline = await h.t.db.messages.listForTicket(ticketId);
    expect(timeline.map((m) => m.channel)).toEqual(['whatsapp', 'webchat', 'whatsapp']);
  });

  it('without a choice the reply goes to the identity the customer last wrote from', async () => {
    const { ticketId, webchat } = await rinaOnTwoChannels('6281200011002');
    const reply = await h.reply(ticketId, { body: 'Baik, Kak' });
    expect(reply.body).toMatchObject({ channel: 'webchat', identityId: webchat.id });
    expect(sentTo(h, '+6281200011002')).toHaveLength(0);
  });

  it('refuses another customer’s identity with reply.identity_not_of_customer and stores nothing', async () => {
    const { ticketId } = await rinaOnTwoChannels('6281200011003');
    const budi = await waCustomerWrites(h, '6281200011004', 'Saya Budi');
    const [budiIdentity] = await h.t.db.identities.listForCustomer((await h.t.db.tickets.findById(budi.ticketId))!.customerId);
    const before = await h.t.db.messages.listForTicket(ticketId);
    const refused = await h.reply(ticketId, { body: 'Halo', identityId: budiIdentity!.id });
    expect(refused.statusCode).toBe(400);
    expect((refused.body as { error: { code: string } }).error.code).toBe('reply.identity_not_of_customer');
    expect(await h.t.db.messages.listForTicket(ticketId)).toEqual(before);
  });

  it('a closed WhatsApp window refuses free text through it but takes an approved template', async () => {
    const { ticketId, whatsapp, webchat } = await rinaOnTwoChannels('6281200011005');
    h.advance(25 * HOUR);
    // The web chat has no window: the customer keeps writing there, so the picker's WhatsApp entry is what closed.
    await ingestMessage(h.t.app.services.core, { kind: 'message', channel: 'webchat', externalMessageId: 'web-later-11005', sender: { externalId: webchat.externalId }, body: 'Masih menunggu', sentAt: new Date(h.t.app.services.clock.now()).toISOString() });
    const text = await h.reply(ticketId, { body: 'Halo lagi', identityId: whatsapp.id });
    expect(text.statusCode).toBe(409);
    expect((text.body as { error: { code: string } }).error.code).toBe('channel.window_closed');
    const template = await h.reply(ticketId, { template: { name: 'complaint_followup_v2', language: 'id', parameters: ['Rina', String(ticketId)] }, identityId: whatsapp.id });
    expect(template.statusCode).toBe(201);
    expect(template.body).toMatchObject({ channel: 'whatsapp', identityId: whatsapp.id });
    await eventually(() => expect(sentTo(h, '+6281200011005').map((s) => (s.request as { type: string }).type)).toEqual(['template']));
  });
});
