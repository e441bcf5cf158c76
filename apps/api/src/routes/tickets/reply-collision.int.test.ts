import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ingestMessage } from '@keluh/core';
import { adjustableClock } from '../../testing/adjustable-clock.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';

describe('a reply sent on a ticket another agent answered moments before', () => {
  const clock = adjustableClock();
  let t: TestApp;
  let agent: Record<string, string>;
  let admin: Record<string, string>;
  let adminId: number;
  let ticketId: number;
  let customerMessageId: number;

  const inbound = (sender: string, body: string) =>
    ingestMessage(
      { db: t.db, clock, events: { publish: () => undefined } },
      { kind: 'message', channel: 'webchat', externalMessageId: `c-${Math.random()}`, sender: { externalId: sender, displayName: `Pelanggan ${sender}` }, body, sentAt: clock.now() },
    );
  const reply = (headers: Record<string, string>, payload: Record<string, unknown>, id = ticketId) =>
    t.app.inject({ method: 'POST', url: `/api/tickets/${id}/messages`, headers, payload });
  const stored = async () => ({
    messages: (await t.db.messages.listForTicket(ticketId)).length,
    // The first reply's delivery (the outbox) goes on logging status events meanwhile: count new messages only.
    created: (await t.db.events.listAfter(0, { limit: 10_000 })).filter((event) => event.type === 'message.created' && event.ticketId === ticketId).length,
    ticket: (await t.db.tickets.findById(ticketId))!.version,
  });

  beforeAll(async () => {
    t = await startTestApp({ clock });
    agent = { authorization: `Bearer ${await t.login()}` };
    admin = { authorization: `Bearer ${await t.loginAdmin()}` };
    adminId = (await t.db.users.findByEmailWithSecret('test-admin@keluh.test'))!.id;
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    const ingested = await inbound(`tabrakan-${Math.random()}`, 'Paket saya belum sampai');
    ticketId = ingested.ticket.id;
    customerMessageId = (await t.db.messages.listForTicket(ticketId))[0]!.id;
  });

  it('is refused with reply.collision naming who replied, when and what, and stores nothing', async () => {
    const first = await reply(admin, { body: 'Mohon maaf, kami cek sekarang.', seenMessageId: customerMessageId });
    expect(first.statusCode).toBe(201);
    const before = await stored();

    const second = await reply(agent, { body: 'Halo, saya bantu cek ya.', seenMessageId: customerMessageId });
    expect(second.statusCode).toBe(409);
    expect(second.json().error).toMatchObject({
      code: 'reply.collision',
      details: { messageId: first.json().id, authorUserId: adminId, authorName: 'Test Admin', sentAt: first.json().sentAt, preview: 'Mohon maaf, kami cek sekarang.' },
    });
    expect(await stored()).toEqual(before);
  });

  it('lets exactly one of two agents pressing send at the same moment through, and warns the other', async () => {
    const answers = await Promise.all([
      reply(admin, { body: 'Mohon maaf, kami cek sekarang.', seenMessageId: customerMessageId }),
      reply(agent, { body: 'Halo, saya bantu cek ya.', seenMessageId: customerMessageId }),
    ]);
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([201, 409]);
    expect((await t.db.messages.listForTicket(ticketId)).filter((message) => message.direction === 'out')).toHaveLength(1);
  });

  it('goes out when the agent sends anyway after the warning', async () => {
    await reply(admin, { body: 'Mohon maaf, kami cek sekarang.', seenMessageId: customerMessageId });
    expect((await reply(agent, { body: 'Halo, saya bantu cek ya.', seenMessageId: customerMessageId })).statusCode).toBe(409);
    const forced = await reply(agent, { body: 'Halo, saya bantu cek ya.', seenMessageId: customerMessageId, force: true });
    expect(forced.statusCode).toBe(201);
    expect((await t.db.messages.listForTicket(ticketId)).map((message) => message.body)).toEqual(['Paket saya belum sampai', 'Mohon maaf, kami cek sekarang.', 'Halo, saya bantu cek ya.']);
  });

  it('goes out at once when the agent had the other reply on screen, or it is a minute old', async () => {
    const first = await reply(admin, { body: 'Mohon maaf, kami cek sekarang.' });
    expect((await reply(agent, { body: 'Saya lanjutkan ya.', seenMessageId: first.json().id })).statusCode).toBe(201);
    const next = (await inbound(`lama-${Math.random()}`, 'Halo?')).ticket.id;
    const seen = (await t.db.messages.listForTicket(next))[0]!.id;
    await reply(admin, { body: 'Sebentar ya.' }, next);
    clock.advance(60_000);
    expect((await reply(agent, { body: 'Sudah kami kirim ulang.', seenMessageId: seen }, next)).statusCode).toBe(201);
  });

  it('never warns the agent about their own reply from another tab', async () => {
    await reply(agent, { body: 'Kami cek dulu.', seenMessageId: customerMessageId });
    expect((await reply(agent, { body: 'Sudah ketemu.', seenMessageId: customerMessageId })).statusCode).toBe(201);
  });

  it('refuses a seen message of another ticket, and a force that is not a boolean, with validation.failed', async () => {
    const other = (await inbound(`lain-${Math.random()}`, 'Tiket lain')).ticket.id;
    const foreign = (await t.db.messages.listForTicket(other))[0]!.id;
    const before = await stored();
    const wrongTicket = await reply(agent, { body: 'Halo', seenMessageId: foreign });
    expect(wrongTicket.statusCode).toBe(400);
    expect(wrongTicket.json().error).toMatchObject({ code: 'validation.failed', details: { issues: [{ path: 'seenMessageId' }] } });
    const badForce = await reply(agent, { body: 'Halo', seenMessageId: customerMessageId, force: 'ya' });
    expect(badForce.statusCode).toBe(400);
    expect(badForce.json().error.details.issues[0].path).toMatch(/force/);
    expect(await stored()).toEqual(before);
  });
});
