import type { ChannelKind, CustomerCharacteristic, CustomerType, Language } from '@keluh/core';

/** Demo conversations: a lived-in inbox for a newcomer's first `npm start`. */
export interface DemoConversation {
  channel: ChannelKind;
  externalId: string;
  name: string;
  type: CustomerType;
  characteristic: CustomerCharacteristic;
  language: Language;
  minutesAgo: number;
  messages: { from: 'customer' | 'agent'; body: string; agent?: string }[];
  status?: 'open' | 'pending' | 'resolved';
  priority?: 'low' | 'normal' | 'high' | 'urgent';
}

/** The second demo team: agent2 works it alone, so the demo shows an agent who sees only their team. */
export const DEMO_SALES_TEAM = 'Penjualan';

/** `teams`: 'default' is the install's default team ("Umum"); the first is the home team. */
export const demoStaff = [
  { email: 'supervisor@keluh.test', name: 'Sari Wulandari', role: 'supervisor', language: 'id', teams: ['default', DEMO_SALES_TEAM] },
  { email: 'agent1@keluh.test', name: 'Budi Santoso', role: 'agent', language: 'id', teams: ['default'] },
  { email: 'agent2@keluh.test', name: 'Maya Chen', role: 'agent', language: 'en', teams: [DEMO_SALES_TEAM] },
] as const;

export const demoConversations: DemoConversation[] = [
  {
    channel: 'whatsapp', externalId: '6281234567801', name: 'Rina Kusuma', type: 'external', characteristic: 'loyal', language: 'id', minutesAgo: 4, priority: 'high',
    messages: [
      { from: 'customer', body: 'Selamat siang, pesanan saya #INV-20931 belum sampai padahal sudah 6 hari. Katanya 2-3 hari kerja 😞' },
      { from: 'customer', body: 'Resinya JNE 0123 4456 7789, statusnya masih di gudang Cikarang.' },
    ],
  },
  {
    channel: 'webchat', externalId: 'demo0000000000000000000000000002', name: 'Andi Pratama', type: 'external', characteristic: 'impulsive', language: 'id', minutesAgo: 11,
    messages: [{ from: 'customer', body: 'Kok saldo saya terpotong dua kali untuk pesanan yang sama?? Tolong segera dicek!' }],
    priority: 'urgent',
  },
  {
    channel: 'instagram', externalId: '17841400000000003', name: 'Dewi Lestari', type: 'intermediary', characteristic: 'growing', language: 'id', minutesAgo: 26,
    messages: [
      { from: 'customer', body: 'Halo kak, saya reseller dari Bandung. 12 kemeja batik yang datang ukurannya L semua, padahal pesan campur M dan L.' },
      { from: 'agent', agent: 'agent1@keluh.test', body: 'Mohon maaf atas ketidaknyamanannya, Kak Dewi. Boleh kirimkan nomor pesanannya supaya kami cek?' },
      { from: 'customer', body: 'Nomornya #INV-20877 ya kak.' },
    ],
  },
  {
    channel: 'webchat', externalId: 'demo0000000000000000000000000004', name: 'James Walker', type: 'external', characteristic: 'new', language: 'en', minutesAgo: 48,
    messages: [
      { from: 'customer', body: 'Hi, I ordered a batik dress as a gift but the parcel arrived with a torn box and a stain on the fabric.' },
      { from: 'agent', agent: 'agent2@keluh.test', body: "I'm really sorry it arrived like that, James. Could you send a photo of the stain and the box?" },
    ],
    status: 'pending',
  },
  {
    channel: 'whatsapp', externalId: '6285712340005', name: 'Pak Hendra', type: 'external', characteristic: 'thrifty', language: 'id', minutesAgo: 95,
    messages: [{ from: 'customer', body: 'Refund saya untuk retur minggu lalu belum masuk ke rekening. Sudah lewat 7 hari kerja.' }],
  },
  {
    channel: 'webchat', externalId: 'demo0000000000000000000000000006', name: 'Sophie Tan', type: 'external', characteristic: 'potential', language: 'en', minutesAgo: 180,
    messages: [
      { from: 'customer', body: 'Do you ship to Singapore? The checkout page keeps failing at the payment step.' },
      { from: 'agent', agent: 'agent2@keluh.test', body: 'We do! The payment issue was fixed an hour ago — could you try again and tell us if it works?' },
      { from: 'customer', body: 'It worked, thank you!' },
    ],
    status: 'resolved',
  },
];

/**
 * What the demo channels look like when DEMO_SIM=1 connects them to the in-process Meta stand-in (at
 * demoSimUrl(META_SIM_PORT)): the stand-in's ids and templates. Their secrets are not here — they are generated at that start and kept
 * (sealed) in the database, so no value in this repository can sign a webhook for a running server.
 */
export const demoChannelSettings = {
  whatsapp: {
    phoneNumberId: '118220045566779',
    graphVersion: 'v23.0',
    templates: JSON.stringify([
      { name: 'complaint_followup_v2', language: 'id', body: 'Halo {{1}}, kami menindaklanjuti keluhan Anda ({{2}}). Balas pesan ini agar kami bisa membantu lagi.' },
      { name: 'complaint_followup_v2', language: 'en', body: 'Hi {{1}}, we are following up on your complaint ({{2}}). Reply to this message so we can help further.' },
    ]),
  },
  instagram: {
    accountId: '17841400123456789',
    graphVersion: 'v23.0',
  },
} as const;
