import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestMessage, systemClock, type ChannelKind, type ResolutionRecord } from '@keluh/core';
import { caseCorpus, seedResolvedCases } from '@keluh/db/testing';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';

/** Past cases with what tells them apart, hidden among a thousand ordinary ones that share the usual words. */
const targets = {
  hinge: { category: 'product_defect', facts: { product: 'Rice cooker Cosmos CRJ-3301' }, customerText: 'Rice cooker Cosmos CRJ-3301 yang saya terima engsel tutupnya patah, tutup tidak bisa dikunci.', rootCause: 'product_quality', rootCauseNote: 'Batch engsel cacat dari pabrik', solution: 'Kirim engsel pengganti', timeToFixMs: 30 * 3_600_000 },
  flood: { category: 'delivery', facts: { courier: 'Ninja Xpress' }, customerText: 'Paket Ninja Xpress saya tertahan di gudang Cikarang karena banjir, sudah 5 hari belum bergerak.', rootCause: 'courier_delay', rootCauseNote: 'Gudang Cikarang kebanjiran', solution: 'Dialihkan lewat hub Bekasi', timeToFixMs: 50 * 3_600_000 },
  twice: { category: 'payment', facts: { payment_method: 'GoPay', order_number: 'INV-771203' }, customerText: 'I was charged twice by GoPay for order INV-771203, a double debit of Rp 250.000.', rootCause: 'payment_gateway', rootCauseNote: 'Duplicate callback from the wallet', solution: 'Refunded the second charge', timeToFixMs: 4 * 3_600_000 },
  telkomsel: { category: 'account', facts: { phone: '+6281199990000' }, customerText: 'Kode OTP tidak masuk ke nomor Telkomsel saya, sudah coba kirim ulang 5 kali.', rootCause: 'system_bug', rootCauseNote: 'Provider SMS gangguan untuk Telkomsel', solution: 'OTP dialihkan ke WhatsApp', timeToFixMs: 2 * 3_600_000 },
  tracking: { category: 'delivery', facts: { tracking_number: 'JP7788990011', courier: 'J&T Express' }, customerText: 'Paket J&T belum sampai, statusnya diterima tapi saya tidak menerima apa-apa.', rootCause: 'courier_delay', rootCauseNote: 'Salah antar ke tetangga', solution: 'Kurir mengambil kembali paket', timeToFixMs: 20 * 3_600_000 },
};

describe('similar past cases for a ticket, among a thousand', () => {
  let t: TestApp;
  let headers: Record<string, string>;
  let saved: Record<keyof typeof targets, ResolutionRecord>;
  let n = 0;

  const complaintFrom = async (body: string, channel: ChannelKind = 'whatsapp') =>
    (await ingestMessage({ db: t.db, clock: systemClock, events: { publish: () => undefined } }, { kind: 'message', channel, externalMessageId: `sim-${++n}`, sender: { externalId: `62899${n}`, displayName: 'Rina' }, body, sentAt: new Date().toISOString() })).ticket;
  const similar = async (ticketId: number, limit = 3) => {
    const response = await t.app.inject({ method: 'GET', url: `/api/tickets/${ticketId}/similar-cases?limit=${limit}`, headers });
    expect(response.statusCode).toBe(200);
    return response.json<{ items: { record: ResolutionRecord; score: number }[] }>().items;
  };

  beforeAll(async () => {
    t = await startTestApp();
    headers = { authorization: `Bearer ${await t.login()}` };
    const corpus = caseCorpus(1_000, 42);
    const records = await seedResolvedCases(t.db, [...corpus.slice(0, 500), ...Object.values(targets), ...corpus.slice(500)]);
    const keys = Object.keys(targets) as (keyof typeof targets)[];
    saved = Object.fromEntries(keys.map((key, i) => [key, records[500 + i]!])) as typeof saved;
  }, 120_000);
  afterAll(() => t.close());

  it.each([
    ['a broken hinge told in other words', 'hinge', 'Halo kak, engsel tutup rice cooker Cosmos saya patah waktu pertama dibuka 😭'],
    ['a parcel held by a flood, in chat Indonesian', 'flood', 'Ninja Xpress bilang paketku ketahan di Cikarang gara2 banjir, kapan dikirim??'],
    ['a double charge, in English', 'twice', 'GoPay charged me twice for the same order, please refund one of them'],
    ['an OTP problem asked in English', 'telkomsel', 'The OTP never arrives on my Telkomsel number'],
    ['a tracking number quoted exactly', 'tracking', 'Resi JP7788990011 katanya sudah diterima, padahal belum ada paket'],
  ] as const)('finds the right past case in the top 3 for %s', async (_label, key, text) => {
    const ticket = await complaintFrom(text);
    const items = await similar(ticket.id);
    expect(items.length).toBeLessThanOrEqual(3);
    expect(items.map((item) => item.record.id)).toContain(saved[key].id);
    expect(items[0]!.score).toBe(1);
    const found = items.find((item) => item.record.id === saved[key].id)!;
    expect(found.record).toMatchObject({ solution: targets[key].solution, timeToFixMs: targets[key].timeToFixMs, rating: null });
  });

  it("never offers the ticket's own earlier record as its precedent", async () => {
    const ticket = await complaintFrom('Engsel tutup rice cooker Cosmos saya patah juga');
    await t.app.inject({ method: 'PATCH', url: `/api/tickets/${ticket.id}`, headers, payload: { status: 'resolved' } });
    await t.app.inject({ method: 'PATCH', url: `/api/tickets/${ticket.id}`, headers, payload: { status: 'open' } });
    const own = await t.db.resolutions.findByTicket(ticket.id);
    expect(own).not.toBeNull();
    expect((await similar(ticket.id, 10)).map((item) => item.record.id)).not.toContain(own!.id);
  });

  it('answers an unknown ticket with ticket.not_found, a bad limit with validation.failed, and no session with 401', async () => {
    const missing = await t.app.inject({ method: 'GET', url: '/api/tickets/999999/similar-cases', headers });
    expect([missing.statusCode, missing.json().error.code]).toEqual([404, 'ticket.not_found']);
    const ticket = await complaintFrom('Barang rusak');
    const bad = await t.app.inject({ method: 'GET', url: `/api/tickets/${ticket.id}/similar-cases?limit=1000`, headers });
    expect([bad.statusCode, bad.json().error.code]).toEqual([400, 'validation.failed']);
    const anonymous = await t.app.inject({ method: 'GET', url: `/api/tickets/${ticket.id}/similar-cases` });
    expect(anonymous.statusCode).toBe(401);
  });
});
