import type { BulkWriter } from './bulk-writer.ts';

/*
 * The search bench's data set: customers with realistic names and identities (E.164 phones, emails,
 * Instagram usernames), tickets in three teams, and messages written from Indonesian complaint phrases
 * with their affixed forms (paketnya, dikirim, keterlambatan …), couriers, products and order numbers, so
 * common words match a large share of the messages and ids match a few — as on a real desk.
 */

export const SEARCH_SEED_START = '2026-01-01T00:00:00.000Z';
export const SEARCH_TEAM_IDS = [101, 102, 103] as const;
const MESSAGES_PER_TICKET = 10;
const TICKETS_PER_CUSTOMER = 2;

function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const firstNames = ['Budi', 'Sari', 'Rina', 'Dewi', 'Agus', 'Putri', 'Andi', 'Wati', 'Eka', 'Rudi', 'Siti', 'Joko', 'Maya', 'Dian', 'Hendra', 'Lina', 'Tono', 'Ayu', 'Bayu', 'Indah', 'Fajar', 'Nur', 'Yoga', 'Kartika'];
const lastNames = ['Santoso', 'Wulandari', 'Pratama', 'Saputra', 'Lestari', 'Hidayat', 'Kusuma', 'Nugroho', 'Permata', 'Siregar', 'Harahap', 'Wijaya', 'Halim', 'Gunawan', 'Rahayu', 'Setiawan'];
const products = ['sepatu', 'kemeja', 'tas', 'hp', 'charger', 'kulkas', 'blender', 'jaket', 'kaos', 'laptop', 'headset', 'lampu', 'panci', 'kasur', 'sepeda', 'jam'];
const couriers = ['JNE', 'J&T', 'SiCepat', 'AnterAja', 'Wahana', 'Ninja', 'Lion Parcel', 'GoSend'];
const openings = ['Halo kak,', 'Selamat pagi,', 'Permisi min,', 'Kak tolong,', 'Min,', 'Hai,', ''];
const complaints = [
  'paketnya belum sampai sampai sekarang',
  'pesanan saya sudah dikirim tapi belum diterima',
  'kenapa ada keterlambatan pengiriman',
  'barangnya rusak waktu diterima',
  '{product} yang datang salah ukuran',
  '{product}nya cacat, mohon ditukar',
  'refund belum masuk ke rekening',
  'kapankah dana saya dikembalikan',
  'sudahkah pesanan saya diproses',
  'resi {courier} tidak bisa dilacak',
  'kurir {courier} tidak datang',
  'voucher diskon tidak bisa dipakai',
  'saya mau komplain soal {product}',
  'warnanya beda dengan foto',
];
const replies = [
  'Mohon maaf atas keterlambatannya, kami cek dulu ya kak',
  'Baik kak, pesanan {order} sudah kami kirim ulang lewat {courier}',
  'Refund untuk {order} sedang diproses, paling lambat 3 hari kerja',
  'Terima kasih kak, {product}nya akan kami tukar',
  'Kami bantu lacak paketnya dengan kurir {courier}',
  'Mohon kirimkan foto barangnya ya kak',
];

export interface SearchSeedCounts {
  customers: number;
  tickets: number;
  messages: number;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** An E.164 Indonesian mobile number for customer `c` (the bench's phone queries are built from these). */
export const benchPhone = (c: number) => `+628${String(1_200_000_000 + c * 7919).slice(0, 10)}`;

export async function seedSearchData(writer: BulkWriter, messages: number): Promise<SearchSeedCounts> {
  const random = prng(20_261_211);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const tickets = Math.ceil(messages / MESSAGES_PER_TICKET);
  const customers = Math.ceil(tickets / TICKETS_PER_CUSTOMER);
  const start = Date.parse(SEARCH_SEED_START);
  for (const id of SEARCH_TEAM_IDS) await writer.row('teams', ['id', 'name', 'time_zone', 'assignment_mode', 'default_capacity', 'created_at'], [id, `Tim ${id}`, 'Asia/Jakarta', 'balanced', 5, SEARCH_SEED_START]);
  let identityId = 0;
  for (let c = 1; c <= customers; c += 1) {
    const name = `${pick(firstNames)} ${pick(lastNames)}`;
    await writer.row('customers', ['id', 'name', 'type', 'characteristic', 'language', 'created_at', 'updated_at'], [c, name, 'external', 'new', 'id', SEARCH_SEED_START, SEARCH_SEED_START]);
    const handle = `${name.toLowerCase().replace(' ', '_')}${c}`;
    const columns = ['id', 'customer_id', 'channel', 'external_id', 'display_name', 'phone', 'email', 'username', 'verified', 'created_at'];
    await writer.row('identities', columns, [++identityId, c, 'whatsapp', benchPhone(c).slice(1), name, benchPhone(c), null, null, true, SEARCH_SEED_START]);
    if (c % 3 === 0) await writer.row('identities', columns, [++identityId, c, 'instagram', `ig-${c}`, name, null, null, handle, false, SEARCH_SEED_START]);
    if (c % 4 === 0) await writer.row('identities', columns, [++identityId, c, 'webchat', `web-${c}`, name, null, `${handle.replace('_', '.')}@gmail.com`, null, true, SEARCH_SEED_START]);
  }
  await writer.commit();
  let messageId = 0;
  const span = 90 * 24 * 3_600_000;
  for (let t = 1; t <= tickets; t += 1) {
    const opened = start + Math.floor((t * span) / tickets);
    const order = `INV-${2026_000_000 + t}`;
    const fill = (text: string) => text.replace('{product}', pick(products)).replace('{courier}', pick(couriers)).replace('{order}', order);
    const last = iso(opened + MESSAGES_PER_TICKET * 600_000);
    const status = t > tickets - 200 ? 'open' : 'resolved';
    await writer.row('tickets', ['id', 'customer_id', 'subject', 'status', 'stage', 'priority', 'team_id', 'channel', 'last_channel', 'last_message_at', 'last_message_preview', 'created_at', 'updated_at'], [t, ((t - 1) % customers) + 1, fill(`${pick(complaints)} (${order})`).slice(0, 120), status, 1, 'normal', SEARCH_TEAM_IDS[t % SEARCH_TEAM_IDS.length], 'whatsapp', 'whatsapp', last, '…', iso(opened), last]);
    for (let m = 0; m < MESSAGES_PER_TICKET && messageId < messages; m += 1) {
      const inbound = m % 2 === 0;
      const body = inbound ? `${pick(openings)} ${fill(pick(complaints))}${m === 0 ? ` no pesanan ${order}` : ''}`.trim() : fill(pick(replies));
      const at = iso(opened + m * 600_000);
      await writer.row('messages', ['id', 'ticket_id', 'direction', 'author_kind', 'channel', 'body', 'status', 'sent_at', 'created_at', 'updated_at'], [++messageId, t, inbound ? 'in' : 'out', inbound ? 'customer' : 'agent', 'whatsapp', body, inbound ? 'received' : 'sent', at, at, at]);
    }
    if (t % 2000 === 0) await writer.commit();
  }
  await writer.commit();
  return { customers, tickets, messages: messageId };
}
