import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ChannelSendError,
  dispatchDueMessages,
  ingestEvents,
  replyToTicket,
  type ChannelAdapter,
  type CoreDeps,
  type InboundEvent,
  type InboundMessageEvent,
  type OutboundMessage,
} from '@keluh/core';
import { fakeClock, freshDb, recordingPublisher, T0 } from '../testing/fixtures.ts';

const message = (id: string, overrides: Partial<InboundMessageEvent> = {}): InboundMessageEvent => ({
  kind: 'message',
  channel: 'instagram',
  externalMessageId: id,
  sender: { externalId: 'igsid-1', displayName: 'Dewi' },
  body: 'Promo ini masih berlaku?',
  sentAt: T0,
  ...overrides,
});

/** A channel adapter that records what it was asked to send and answers as scripted. */
function scriptedAdapter(channel: 'instagram' | 'whatsapp', answers: (() => Promise<string>)[]): ChannelAdapter & { sent: OutboundMessage[] } {
  const sent: OutboundMessage[] = [];
  return {
    channel,
    sent,
    parse: () => [],
    async send(outbound) {
      sent.push(outbound);
      const answer = answers.shift() ?? (async () => `mid-${outbound.messageId}`);
      return { externalMessageId: await answer() };
    },
  };
}

describe('channel events beyond plain messages, against real SQLite', () => {
  let deps: CoreDeps & { events: ReturnType<typeof recordingPublisher>; clock: ReturnType<typeof fakeClock> };
  beforeEach(async () => {
    deps = { db: await freshDb(), clock: fakeClock(), events: recordingPublisher() };
  });
  afterEach(() => deps.db.close());

  const ticketOf = async (id: string) => (await deps.db.messages.findByExternalId('instagram', id))!.ticketId;
  const agent = async () => (await deps.db.users.create({ email: 'a@k.test', name: 'Budi', role: 'agent', passwordHash: 'x' }, T0)).id;

  it('stores a whole batch in one transaction, or nothing when one item fails', async () => {
    const broken = { kind: 'edit', channel: 'instagram', targetExternalId: 'mid-1', body: 'x', at: T0 } as InboundEvent;
    const poisoned = [message('mid-1'), message('mid-2', { body: 'kedua' }), { ...broken, kind: 'nonsense' } as unknown as InboundEvent];
    await expect(ingestEvents(deps, poisoned)).rejects.toThrow();
    expect(await deps.db.messages.findByExternalId('instagram', 'mid-1')).toBeNull();
    expect(deps.events.published).toHaveLength(0);

    const outcomes = await ingestEvents(deps, [message('mid-1'), message('mid-2', { body: 'kedua' }), broken]);
    expect(outcomes.map((outcome) => outcome.kind)).toEqual(['message', 'message', 'edit']);
  });

  it('orders a ticket by the channel timestamps, whatever order they arrive in (case 14)', async () => {
    await ingestEvents(deps, [message('mid-late', { body: 'kedua', sentAt: '2026-03-02T08:05:00.000Z' }), message('mid-early', { body: 'pertama', sentAt: '2026-03-02T08:01:00.000Z' })]);
    const timeline = await deps.db.messages.listForTicket(await ticketOf('mid-late'));
    expect(timeline.map((entry) => entry.body)).toEqual(['pertama', 'kedua']);
    // The inbox preview stays on the newest message, not on the one that happened to arrive last.
    expect((await deps.db.tickets.findById(timeline[0]!.ticketId))?.lastMessagePreview).toBe('kedua');
  });

  it('shows an echo typed in the Instagram app as outgoing, from the app, not from an agent (case 35)', async () => {
    await ingestEvents(deps, [message('mid-1'), message('mid-app', { author: 'business_app', body: 'Halo Kak, kami cek dulu ya.' })]);
    const echo = await deps.db.messages.findByExternalId('instagram', 'mid-app');
    expect(echo).toMatchObject({ direction: 'out', authorKind: 'agent', authorUserId: null, via: 'instagram_app', status: 'sent' });
    const ticket = await deps.db.tickets.findById(echo!.ticketId);
    expect(ticket?.unreadCount).toBe(1);
  });

  it('claims the echo of our own send when it beats the send response, so nothing is duplicated (case 36)', async () => {
    await ingestEvents(deps, [message('mid-1')]);
    const ticketId = await ticketOf('mid-1');
    const reply = await replyToTicket(deps, { ticketId, authorUserId: await agent(), body: 'Masih, Kak!' });
    await ingestEvents(deps, [message('mid-sent', { author: 'business_app', body: 'Masih, Kak!' })]);
    const adapter = scriptedAdapter('instagram', [async () => 'mid-sent']);
    await dispatchDueMessages(deps, { instagram: adapter }, { owner: 'test' });
    const outgoing = (await deps.db.messages.listForTicket(ticketId)).filter((entry) => entry.direction === 'out');
    expect(outgoing).toHaveLength(1);
    expect(outgoing[0]).toMatchObject({ id: reply.id, externalId: 'mid-sent', status: 'sent', via: null });
  });

  it('ignores the echo of our own send once the send response stored its id (case 34)', async () => {
    await ingestEvents(deps, [message('mid-1')]);
    const ticketId = await ticketOf('mid-1');
    await replyToTicket(deps, { ticketId, authorUserId: await agent(), body: 'Sudah kami kirim' });
    await dispatchDueMessages(deps, { instagram: scriptedAdapter('instagram', [async () => 'mid-ours']) }, { owner: 'test' });
    const [outcome] = await ingestEvents(deps, [message('mid-ours', { author: 'business_app', body: 'Sudah kami kirim' })]);
    expect(outcome).toMatchObject({ kind: 'message', result: { duplicate: true } });
    expect((await deps.db.messages.listForTicket(ticketId)).filter((entry) => entry.direction === 'out')).toHaveLength(1);
  });

  it('applies reactions, edits and unsends to the message they name, and ignores unknown targets', async () => {
    await ingestEvents(deps, [message('mid-1')]);
    const outcomes = await ingestEvents(deps, [
      { kind: 'reaction', channel: 'instagram', targetExternalId: 'mid-1', senderExternalId: 'igsid-1', emoji: '❤️', at: T0 },
      { kind: 'edit', channel: 'instagram', targetExternalId: 'mid-1', body: 'Promo ini masih berlaku sampai kapan?', at: T0 },
      { kind: 'reaction', channel: 'instagram', targetExternalId: 'mid-unknown', senderExternalId: 'igsid-1', emoji: '👍', at: T0 },
    ]);
    expect(outcomes.map((outcome) => ('outcome' in outcome ? outcome.outcome : 'message'))).toEqual(['applied', 'applied', 'ignored']);
    expect(await deps.db.messages.findByExternalId('instagram', 'mid-1')).toMatchObject({
      body: 'Promo ini masih berlaku sampai kapan?',
      editCount: 1,
      reactions: [{ emoji: '❤️', by: 'customer' }],
    });
    await ingestEvents(deps, [
      { kind: 'reaction', channel: 'instagram', targetExternalId: 'mid-1', senderExternalId: 'igsid-1', emoji: null, at: T0 },
      { kind: 'delete', channel: 'instagram', targetExternalId: 'mid-1', at: '2026-03-02T09:00:00.000Z' },
    ]);
    expect(await deps.db.messages.findByExternalId('instagram', 'mid-1')).toMatchObject({ reactions: [], deletedAt: '2026-03-02T09:00:00.000Z' });
    expect(deps.events.published.filter((event) => event.type === 'message.updated')).toHaveLength(4);
  });

  it('a customer who edits a message gets it read again, while a message never read stays unread', async () => {
    await ingestEvents(deps, [message('mid-calm', { body: 'Halo kak, mau tanya' })]);
    expect((await deps.db.messages.findByExternalId('instagram', 'mid-calm'))?.emotion?.level).toBe('calm');
    await ingestEvents(deps, [{ kind: 'edit', channel: 'instagram', targetExternalId: 'mid-calm', body: 'KECEWA BANGET!!! penipu kalian 😡', at: T0 }]);
    expect((await deps.db.messages.findByExternalId('instagram', 'mid-calm'))?.emotion).toMatchObject({ level: 'angry' });
    const photo = await ingestEvents(deps, [message('mid-photo', { body: '', attachments: [{ kind: 'image', mimeType: 'image/jpeg' }] })]);
    expect(photo[0]).toMatchObject({ kind: 'message', result: { message: { emotion: null } } });
  });

  it('keys a WhatsApp customer by business-scoped id and attaches the number when it appears (case 30)', async () => {
    const wa = (id: string, sender: InboundMessageEvent['sender']): InboundMessageEvent => ({ ...message(id), channel: 'whatsapp', sender });
    await ingestEvents(deps, [wa('wamid.1', { externalId: 'ID.bsuid1' })]);
    await ingestEvents(deps, [wa('wamid.2', { externalId: 'ID.bsuid1', aliases: ['6281234567890'], phone: '+6281234567890' })]);
    const first = await deps.db.messages.findByExternalId('whatsapp', 'wamid.1');
    const second = await deps.db.messages.findByExternalId('whatsapp', 'wamid.2');
    expect(second?.ticketId).toBe(first?.ticketId);
    const ticket = await deps.db.tickets.findById(first!.ticketId);
    expect((await deps.db.customers.findById(ticket!.customerId))?.phone).toBe('+6281234567890');
    expect((await deps.db.identities.listForCustomer(ticket!.customerId)).map((identity) => identity.externalId).sort()).toEqual(['6281234567890', 'ID.bsuid1']);
  });

  it('re-keys a customer who changed number and keeps their history (case 28)', async () => {
    const wa = (id: string, from: string): InboundMessageEvent => ({ ...message(id), channel: 'whatsapp', sender: { externalId: from } });
    await ingestEvents(deps, [wa('wamid.1', '6281234567890')]);
    await ingestEvents(deps, [{ kind: 'identity_change', channel: 'whatsapp', previousExternalId: '6281234567890', externalId: '6281399988877', at: T0 }]);
    await ingestEvents(deps, [wa('wamid.2', '6281399988877')]);
    const first = await deps.db.messages.findByExternalId('whatsapp', 'wamid.1');
    expect((await deps.db.messages.findByExternalId('whatsapp', 'wamid.2'))?.ticketId).toBe(first?.ticketId);
  });

  it('parks a status that beats the send response and applies it once the send is stored (case 17)', async () => {
    await ingestEvents(deps, [message('wamid.in', { channel: 'whatsapp', sender: { externalId: '6281' } })]);
    const ticketId = (await deps.db.messages.findByExternalId('whatsapp', 'wamid.in'))!.ticketId;
    const reply = await replyToTicket(deps, { ticketId, authorUserId: await agent(), body: 'Kami cek' });
    const adapter = scriptedAdapter('whatsapp', [
      async () => {
        // Meta's webhook for this send arrives while our HTTP call is still open.
        const [early] = await ingestEvents(deps, [{ kind: 'status', channel: 'whatsapp', externalMessageId: 'wamid.out', status: 'delivered', at: T0 }]);
        expect(early).toEqual({ kind: 'status', outcome: 'parked' });
        return 'wamid.out';
      },
    ]);
    await dispatchDueMessages(deps, { whatsapp: adapter }, { owner: 'test' });
    expect((await deps.db.messages.findById(reply.id))?.status).toBe('delivered');
    expect(await deps.db.parkedStatuses.take('whatsapp', 'wamid.out')).toEqual([]);
  });

  it('never moves a status backwards when statuses arrive out of order (case 15)', async () => {
    await ingestEvents(deps, [message('wamid.in', { channel: 'whatsapp', sender: { externalId: '6281' } })]);
    const ticketId = (await deps.db.messages.findByExternalId('whatsapp', 'wamid.in'))!.ticketId;
    const reply = await replyToTicket(deps, { ticketId, authorUserId: await agent(), body: 'Kami cek' });
    await dispatchDueMessages(deps, { whatsapp: scriptedAdapter('whatsapp', [async () => 'wamid.out']) }, { owner: 'test' });
    const status = (value: 'sent' | 'delivered' | 'read') => ({ kind: 'status' as const, channel: 'whatsapp' as const, externalMessageId: 'wamid.out', status: value, at: T0 });
    await ingestEvents(deps, [status('read'), status('delivered'), status('sent')]);
    expect((await deps.db.messages.findById(reply.id))?.status).toBe('read');
  });

  it('pauses a channel whose token expired instead of failing or hammering it (case 45)', async () => {
    await ingestEvents(deps, [message('mid-1')]);
    await deps.db.channelConfigs.upsert('instagram', { accessToken: 'old' }, T0);
    const reply = await replyToTicket(deps, { ticketId: await ticketOf('mid-1'), authorUserId: await agent(), body: 'Halo' });
    const expired = scriptedAdapter('instagram', [async () => Promise.reject(new ChannelSendError({ code: 'channel.reconnect_needed', reason: 'Token expired', retryable: false, pauseChannel: true }))]);
    expect(await dispatchDueMessages(deps, { instagram: expired }, { owner: 'test' })).toMatchObject({ paused: 1, failed: 0 });
    expect((await deps.db.channelConfigs.get('instagram'))?.status).toBe('reconnect_needed');
    expect((await deps.db.messages.findById(reply.id))?.status).toBe('queued');
    deps.clock.advance(120_000);
    expect(await dispatchDueMessages(deps, { instagram: expired }, { owner: 'test' })).toMatchObject({ paused: 1 });
    expect(expired.sent).toHaveLength(1);

    await deps.db.channelConfigs.upsert('instagram', { accessToken: 'new' }, T0);
    deps.clock.advance(120_000);
    expect(await dispatchDueMessages(deps, { instagram: scriptedAdapter('instagram', []) }, { owner: 'test' })).toMatchObject({ sent: 1 });
    expect((await deps.db.messages.findById(reply.id))?.status).toBe('sent');
  });

  it('refuses free text on WhatsApp after 24 hours but sends an approved template (cases 39–41)', async () => {
    await ingestEvents(deps, [message('wamid.in', { channel: 'whatsapp', sender: { externalId: '6281' }, sentAt: T0 })]);
    const ticketId = (await deps.db.messages.findByExternalId('whatsapp', 'wamid.in'))!.ticketId;
    await deps.db.channelConfigs.upsert('whatsapp', { templates: JSON.stringify([{ name: 'followup', language: 'id', body: 'Halo {{1}}, tiket {{2}} kami tindak lanjuti.' }]) }, T0);
    deps.clock.advance(25 * 60 * 60 * 1000);
    const authorUserId = await agent();
    await expect(replyToTicket(deps, { ticketId, authorUserId, body: 'Halo?' })).rejects.toMatchObject({ code: 'channel.window_closed' });
    const sent = await replyToTicket(deps, { ticketId, authorUserId, template: { name: 'followup', language: 'id', parameters: ['Sari', 'TKT-1'] } });
    expect(sent).toMatchObject({ body: 'Halo Sari, tiket TKT-1 kami tindak lanjuti.', template: { name: 'followup' } });
    await expect(replyToTicket(deps, { ticketId, authorUserId, template: { name: 'nope', language: 'id', parameters: [] } })).rejects.toMatchObject({ code: 'validation.failed' });
  });

  it('refuses Instagram text over 1,000 bytes before anything is stored (case 48)', async () => {
    await ingestEvents(deps, [message('mid-1')]);
    const ticketId = await ticketOf('mid-1');
    const before = (await deps.db.messages.listForTicket(ticketId)).length;
    await expect(replyToTicket(deps, { ticketId, authorUserId: await agent(), body: '😞'.repeat(251) })).rejects.toMatchObject({ code: 'message.body_too_long', details: { unit: 'bytes', max: 1000 } });
    expect(await deps.db.messages.listForTicket(ticketId)).toHaveLength(before);
  });
});
