import { describe, expect, it } from 'vitest';
import { detectLanguage, isConfident } from './language-detect.rules.ts';
import type { Language } from './customer.types.ts';

/** Real chat as customers write it; `null` means the message must not change the customer's language. */
const table: [string, Language | null][] = [
  ['Kak, pesanan saya belum sampai padahal sudah 5 hari', 'id'],
  ['min paketnya udh dikirim blm? resi gmn', 'id'],
  ['brg nya rusak kak, tolong dibantu refund ya', 'id'],
  ['Halo, saya mau tanya status order #INV-2231 kapan dikirim?', 'id'],
  ['gmn sih ini udh 3 hari ga ada kabar', 'id'],
  ['Tolong cancel order saya, salah pilih ukuran', 'id'],
  ['ada promo gak kak buat pembelian kedua?', 'id'],
  ['Barangnya sudah sampai tapi warnanya beda sama di foto', 'id'],
  ['makasih ya kak udah dibantu 🙏', 'id'],
  ['Kenapa tracking nya ga update dari kemarin?', 'id'],
  ['aku udah transfer tp statusnya masih pending', 'id'],
  ['bisa COD ga kak? aku di Bekasi', 'id'],
  ['Mohon maaf, saya ingin mengembalikan barang yang cacat', 'id'],
  ['kok lama bgt sih pengirimannya', 'id'],
  ['Pak, uang saya kapan dikembalikan?', 'id'],
  ['wkwk iya kak gpp, ditunggu ya', 'id'],
  ['My order has not arrived yet and it has been a week', 'en'],
  ['Hi, I received the wrong size, can I exchange it?', 'en'],
  ['The package was delivered to the wrong address', 'en'],
  ['Please help, my payment went through but there is no order', 'en'],
  ['Hello, this is Budi Santoso from Surabaya, I need a refund for my order', 'en'],
  ['Where is my parcel? Tracking says it is stuck in Jakarta', 'en'],
  ['I have been waiting for two weeks, this is really bad service', 'en'],
  ['Can you tell me when the promo ends?', 'en'],
  ['Thank you so much, it arrived today!', 'en'],
  ["I don't want it anymore, please cancel", 'en'],
  ['Siti Rahmawati here, the item I got from Bandung is broken', 'en'],
  ['Why did you charge me twice?', 'en'],
  ['ok', null],
  ['thanks', null],
  ['oke kak', null],
  ['👍', null],
  ['INV-2231', null],
  ['ok thx', null],
  ['Rina', null],
];

describe('detecting the language a customer writes in', () => {
  it.each(table)('reads %j as %s', (text, expected) => {
    const guess = detectLanguage(text);
    if (expected === null) expect(isConfident(guess)).toBe(false);
    else {
      expect(isConfident(guess)).toBe(true);
      expect(guess!.language).toBe(expected);
    }
  });

  it('a mixed message leans to the language of its grammar, not its loanwords', () => {
    expect(detectLanguage('order saya di-cancel sepihak, refund nya kapan min?')!.language).toBe('id');
  });
});
