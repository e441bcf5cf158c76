import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readEmotion, type Database, type NewMessage, type Ticket } from '@keluh/core';
import { freshDb, seedTicket, T0 } from '../testing/fixtures.ts';

describe('messages', () => {
  let db: Database;
  let ticket: Ticket;
  beforeEach(async () => {
    db = await freshDb();
    ticket = await seedTicket(db);
  });
  afterEach(() => db.close());

  const inbound = (externalId: string, sentAt = T0, body = 'Halo'): NewMessage => ({
    ticketId: ticket.id,
    direction: 'in',
    authorKind: 'customer',
    channel: 'whatsapp',
    externalId,
    body,
    status: 'received',
    sentAt,
  });

  it('an inbound message is stored with its attachments and no author name', async () => {
    const message = await db.messages.insertIfAbsent(
      { ...inbound('wamid.1'), attachments: [{ kind: 'image', mimeType: 'image/jpeg', data: { id: 'media-1' } }] },
      T0,
    );
    expect(message).toEqual({
      id: message!.id,
      ticketId: ticket.id,
      direction: 'in',
      authorKind: 'customer',
      authorUserId: null,
      authorName: null,
      channel: 'whatsapp',
      identityId: null,
      externalId: 'wamid.1',
      body: 'Halo',
      attachments: [{ kind: 'image', mimeType: 'image/jpeg', data: { id: 'media-1' } }],
      status: 'received',
      error: null,
      via: null,
      replyToExternalId: null,
      context: null,
      placeholder: null,
      template: null,
      choices: null,
      editCount: 0,
      editedAt: null,
      deletedAt: null,
      reactions: [],
      emotion: null,
      automated: false,
      sentAt: T0,
      createdAt: T0,
      updatedAt: T0,
    });
    expect(await db.messages.findByExternalId('whatsapp', 'wamid.1')).toEqual(message);
  });

  it('a customer message keeps its emotion reading, read back the same by id, by channel id and on the timeline', async () => {
    const emotion = readEmotion('KECEWA BANGET!!! udah 3 hari gak ada kabar 😡');
    const message = await db.messages.insertIfAbsent({ ...inbound('wamid.angry'), emotion }, T0);
    expect(message?.emotion).toEqual(emotion);
    expect((await db.messages.findById(message!.id))?.emotion).toEqual(emotion);
    expect((await db.messages.findByExternalId('whatsapp', 'wamid.angry'))?.emotion).toEqual(emotion);
    expect((await db.messages.listForTicket(ticket.id))[0]?.emotion).toEqual(emotion);
  });

  it('an outbound question keeps the options it offers, read back as sent', async () => {
    const choices = { purpose: 'rating' as const, reviewId: 7, button: 'Beri nilai', options: [{ id: 'rate:7:5', title: '⭐⭐⭐⭐⭐ Sangat puas' }, { id: 'rate:7:1', title: '⭐ Sangat kecewa', description: 'Kami akan menghubungi' }] };
    const message = await db.messages.insertIfAbsent({ ticketId: ticket.id, direction: 'out', authorKind: 'system', channel: 'whatsapp', body: 'Nilai kami?', status: 'queued', sentAt: T0, choices }, T0);
    expect(message?.choices).toEqual(choices);
    expect((await db.messages.findById(message!.id))?.choices).toEqual(choices);
    expect((await db.messages.listForTicket(ticket.id))[0]?.choices).toEqual(choices);
  });

  it("an automated send is stored as automated, a person's reply is not", async () => {
    const base = { ticketId: ticket.id, direction: 'out' as const, authorKind: 'system' as const, channel: 'whatsapp' as const, body: 'Beri nilai layanan kami', status: 'queued' as const, sentAt: T0 };
    const bot = await db.messages.insertIfAbsent({ ...base, automated: true }, T0);
    const person = await db.messages.insertIfAbsent({ ...base, authorKind: 'agent', body: 'Mohon maaf, kami cek dulu' }, T0);
    expect([bot?.automated, person?.automated]).toEqual([true, false]);
    expect((await db.messages.listForTicket(ticket.id)).map((message) => message.automated)).toEqual([true, false]);
    // What the SLA clocks read: the same two, in the order stored, without bodies.
    expect(await db.messages.listClockInputs(ticket.id)).toEqual([
      { direction: 'out', authorKind: 'system', automated: true, status: 'queued', createdAt: T0 },
      { direction: 'out', authorKind: 'agent', automated: false, status: 'queued', createdAt: T0 },
    ]);
  });

  it('a second delivery with the same external id stores nothing', async () => {
    const first = await db.messages.insertIfAbsent(inbound('wamid.1', T0, 'first'), T0);
    expect(await db.messages.insertIfAbsent(inbound('wamid.1', T0, 'again'), T0)).toBeNull();
    expect(await db.messages.listForTicket(ticket.id)).toEqual([first]);
  });

  it('queued replies without a channel id never collide with each other', async () => {
    const agent = await db.users.create({ email: 'dewi@k.id', name: 'Dewi', role: 'agent', passwordHash: 'h' }, T0);
    const reply = (body: string): NewMessage => ({
      ticketId: ticket.id, direction: 'out', authorKind: 'agent', authorUserId: agent.id, channel: 'whatsapp', body, status: 'queued', sentAt: T0,
    });
    const a = await db.messages.insertIfAbsent(reply('Mohon maaf'), T0);
    const b = await db.messages.insertIfAbsent(reply('Sudah kami cek'), T0);
    expect(a).toMatchObject({ externalId: null, authorName: 'Dewi', authorUserId: agent.id });
    expect(b?.id).not.toBe(a?.id);
  });

  it('a ticket timeline follows the channel time, then arrival order', async () => {
    const late = await db.messages.insertIfAbsent(inbound('m3', '2026-03-02T08:00:03.000Z'), T0);
    const early = await db.messages.insertIfAbsent(inbound('m1', '2026-03-02T08:00:01.000Z'), T0);
    const sameTime = await db.messages.insertIfAbsent(inbound('m1b', '2026-03-02T08:00:01.000Z'), T0);
    const timeline = await db.messages.listForTicket(ticket.id);
    expect(timeline.map((m) => m.id)).toEqual([early!.id, sameTime!.id, late!.id]);
  });

  it('a delivery status and the channel id are recorded on the message', async () => {
    const queued = await db.messages.insertIfAbsent({ ...inbound('ignored'), direction: 'out', authorKind: 'system', externalId: null, status: 'queued' }, T0);
    const failed = await db.messages.update(queued!.id, { status: 'failed', error: { code: '131047', reason: 'window closed' } }, '2026-03-02T08:01:00.000Z');
    expect(failed).toMatchObject({ status: 'failed', error: { code: '131047', reason: 'window closed' }, externalId: null, updatedAt: '2026-03-02T08:01:00.000Z' });
    const sent = await db.messages.update(queued!.id, { status: 'sent', error: null, externalId: 'wamid.out' }, T0);
    expect(sent).toMatchObject({ status: 'sent', error: null, externalId: 'wamid.out' });
    expect(await db.messages.findByExternalId('whatsapp', 'wamid.out')).toEqual(sent);
  });

  it('updating a message that does not exist is a not-found error', async () => {
    await expect(db.messages.update(999, { status: 'read' }, T0)).rejects.toMatchObject({ code: 'message.not_found' });
    expect(await db.messages.findById(999)).toBeNull();
  });

  it('the latest agent reply is the newest outbound message an agent wrote that did not fail', async () => {
    expect(await db.messages.latestAgentReplyAt(ticket.id)).toBeNull();
    const out = (sentAt: string, extra: Partial<NewMessage> = {}): NewMessage => ({ ticketId: ticket.id, direction: 'out', authorKind: 'agent', channel: 'whatsapp', body: 'Mohon maaf kak', status: 'sent', sentAt, ...extra });
    await db.messages.insertIfAbsent(inbound('wamid.9', '2026-03-02T08:10:00.000Z'), T0);
    await db.messages.insertIfAbsent(out('2026-03-02T08:01:00.000Z'), T0);
    await db.messages.insertIfAbsent(out('2026-03-02T08:03:00.000Z', { status: 'queued' }), T0);
    await db.messages.insertIfAbsent(out('2026-03-02T08:05:00.000Z', { status: 'failed' }), T0);
    await db.messages.insertIfAbsent(out('2026-03-02T08:07:00.000Z', { authorKind: 'system' }), T0);
    expect(await db.messages.latestAgentReplyAt(ticket.id)).toBe('2026-03-02T08:03:00.000Z');
  });
});
