import { describe, expect, it } from 'vitest';
import { extractFacts } from './fact-extraction.rules.ts';
import type { ProposedFact } from './fact.types.ts';

// 10:00 WIB on Tuesday 1 December 2026.
const AT = '2026-12-01T03:00:00.000Z';
const inbound = (body: string, createdAt = AT, id = 1) => ({ id, body, direction: 'in' as const, createdAt });
const found = (body: string, createdAt = AT) => extractFacts([inbound(body, createdAt)]).map((fact) => [fact.kind, fact.value]);

describe('facts found in what customers write', () => {
  it.each<[string, [ProposedFact['kind'], string][]]>([
    // order numbers
    ['Pesanan saya #INV-20931 belum sampai juga', [['order_number', 'INV-20931']]],
    ['no invoice INV/2026/11/0042 tolong dicek', [['order_number', 'INV/2026/11/0042']]],
    ['My order 123456789 never arrived', [['order_number', '123456789']]],
    ['pesanan #A1B2C3 kok belum dikirim?', [['order_number', 'A1B2C3']]],
    ['nomor pesanan: ORD-77812 udah 3 hari', [['order_number', 'ORD-77812']]],
    ['order id 5512AB90 is wrong', [['order_number', '5512AB90']]],
    ['Kak ini #promo nya masih berlaku?', []],
    // dates
    ['Saya pesan tanggal 30 November 2026', [['date', '2026-11-30']]],
    ['dibayar 30/11/2026 jam 10', [['date', '2026-11-30']]],
    ['Barang diterima kemarin tapi rusak', [['date', '2026-11-30']]],
    ['It arrived yesterday, broken', [['date', '2026-11-30']]],
    ['tgl 3 des kemarin saya transfer', [['date', '2025-12-03'], ['date', '2026-11-30']]],
    ['Ordered on Nov 30 and still nothing', [['date', '2026-11-30']]],
    ['I paid on November 28, 2026', [['date', '2026-11-28']]],
    ['udah dari 3 hari yang lalu nggak bisa login', [['date', '2026-11-28']]],
    ['dikirim tgl 12 agustus', [['date', '2026-08-12']]],
    ['tanggal 31/02 itu nggak ada', []],
    // amounts
    ['Saya sudah bayar Rp 45.000 tapi status belum lunas', [['amount', '45000']]],
    ['kepotong Rp45rb dua kali!!', [['amount', '45000']]],
    ['Charged IDR 1.250.000 for nothing', [['amount', '1250000']]],
    ['refund 45 ribu aja belum masuk', [['amount', '45000']]],
    ['saldo kepotong 1,5 jt', [['amount', '1500000']]],
    ['totalnya Rp. 250.000,00 kak', [['amount', '250000']]],
    ['harganya 2 juta lebih mahal', [['amount', '2000000']]],
    // phones
    ['hubungi saya di +62 812-3456-7890 ya', [['phone', '+6281234567890']]],
    ['WA saya 0812 3456 7890', [['phone', '+6281234567890']]],
    ['nomor hp 081398765432', [['phone', '+6281398765432']]],
    ['call 6285712345678 please', [['phone', '+6285712345678']]],
    // tracking numbers
    ['resi J&T JP1234567890 nggak gerak', [['tracking_number', 'JP1234567890']]],
    ['No resi JNE 1234567890123456 statusnya masih manifest', [['tracking_number', '1234567890123456']]],
    ['resi sicepat 001234567890 kok hilang', [['tracking_number', '001234567890']]],
    ['AnterAja: 10000123456789 sudah 5 hari', [['tracking_number', '10000123456789']]],
    ['Ninja NLIDAP12345678 stuck di gudang', [['tracking_number', 'NLIDAP12345678']]],
    ['tracking number is CGKFT0123456789', [['tracking_number', 'CGKFT0123456789']]],
    // emails
    ['akun saya rina.wulandari@gmail.com nggak bisa login', [['email', 'rina.wulandari@gmail.com']]],
    ['My email is John.Doe+shop@Example.co.id', [['email', 'john.doe+shop@example.co.id']]],
    // several at once
    [
      'Halo kak, pesanan #INV-20931 tgl 28 nov bayar Rp 150.000, resi JP9876543210, hp 0812-1111-2222',
      [
        ['order_number', 'INV-20931'],
        ['date', '2026-11-28'],
        ['amount', '150000'],
        ['tracking_number', 'JP9876543210'],
        ['phone', '+6281211112222'],
      ],
    ],
    ['Terima kasih kak, sudah beres 🙏', []],
  ])('%s', (body, expected) => {
    expect(found(body)).toEqual(expected);
  });
});

describe('how proposals are found', () => {
  it('offsets point at the customer\'s own words', () => {
    const body = 'Tolong cek pesanan #INV-20931, bayar Rp45rb kemarin';
    for (const fact of extractFacts([inbound(body)])) expect(body.slice(fact.start, fact.end)).toBe(fact.raw);
    expect(extractFacts([inbound(body)]).map((fact) => fact.raw)).toEqual(['INV-20931', 'Rp45rb', 'kemarin']);
  });

  it('"kemarin" is the day before in Jakarta, even when it is still the previous day in UTC', () => {
    // 00:30 WIB on 1 December is 17:30 UTC on 30 November.
    expect(found('barangnya datang kemarin', '2026-11-30T17:30:00.000Z')).toEqual([['date', '2026-11-30']]);
  });

  it('a date without a year written in January means the December before', () => {
    expect(found('saya transfer tgl 28 des', '2027-01-04T03:00:00.000Z')).toEqual([['date', '2026-12-28']]);
  });

  it('only what the customer wrote counts, and each fact is proposed once at its first mention', () => {
    const facts = extractFacts([
      { id: 1, body: 'pesanan #INV-20931 belum sampai', direction: 'in', createdAt: AT },
      { id: 2, body: 'Baik, nomor pesanan INV-55555 kami cek', direction: 'out', createdAt: AT },
      { id: 3, body: 'iya INV-20931 itu kak, resi JP1234567890', direction: 'in', createdAt: AT },
    ]);
    expect(facts.map((fact) => [fact.messageId, fact.value])).toEqual([
      [1, 'INV-20931'],
      [3, 'JP1234567890'],
    ]);
  });

  it('a thousand messages are read in well under a frame budget', () => {
    const messages = Array.from({ length: 1000 }, (_, i) => inbound(`Kak pesanan #INV-${20000 + i} tgl 28 nov bayar Rp 150.000 hp 0812-1111-${String(1000 + i).slice(-4)}`, AT, i));
    const started = Date.now();
    expect(extractFacts(messages).length).toBeGreaterThan(2000);
    expect(Date.now() - started).toBeLessThan(500);
  });
});
