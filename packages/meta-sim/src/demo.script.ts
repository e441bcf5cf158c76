/**
 * The scripted complaints `npm run sim` drives into a running help desk: ten conversations, in
 * Indonesian and English, over WhatsApp (Indonesian numbers) and Instagram. Pure data; the runner
 * interleaves the conversations so several customers write at once, as on a real morning.
 */

export type DemoStep =
  | { kind: 'text'; text: string }
  | { kind: 'photo'; caption?: string }
  | { kind: 'voice' }
  | { kind: 'location'; latitude: number; longitude: number; name: string; address: string }
  | { kind: 'storyReply'; text: string };

interface DemoCustomerBase {
  name: string;
  language: 'id' | 'en';
  topic: string;
  steps: DemoStep[];
}

export type DemoConversation =
  | (DemoCustomerBase & { channel: 'whatsapp'; waId: string })
  | (DemoCustomerBase & { channel: 'instagram'; igsid: string; username: string });

export const DEMO_CONVERSATIONS: DemoConversation[] = [
  {
    channel: 'whatsapp', waId: '6281234567890', name: 'Rina Wulandari', language: 'id', topic: 'late delivery',
    steps: [
      { kind: 'text', text: 'Halo kak, paket saya belum sampai, sudah 5 hari. No. pesanan INV-20431.' },
      { kind: 'text', text: 'Resinya JNT0091827364, statusnya tertahan di gudang Cakung dari kemarin.' },
      { kind: 'text', text: 'Tolong dicek ya, barangnya untuk acara hari Sabtu 🙏' },
    ],
  },
  {
    channel: 'whatsapp', waId: '6281298765432', name: 'Budi Santoso', language: 'id', topic: 'wrong size batik',
    steps: [
      { kind: 'text', text: 'Selamat siang. Saya pesan kemeja batik ukuran L, yang datang ukuran M.' },
      { kind: 'photo', caption: 'Ini labelnya, tertulis M' },
      { kind: 'text', text: 'Bisa tukar ukuran? Plastik dan labelnya masih saya simpan.' },
    ],
  },
  {
    channel: 'whatsapp', waId: '6281311122233', name: 'Sari Dewi', language: 'id', topic: 'refund not received',
    steps: [
      { kind: 'text', text: 'Refund untuk pesanan INV-19877 belum masuk ke rekening saya, katanya 3 hari kerja.' },
      { kind: 'text', text: 'Sekarang sudah 10 hari. Rekening BCA atas nama Sari Dewi.' },
    ],
  },
  {
    channel: 'whatsapp', waId: '6281355566677', name: 'Andi Pratama', language: 'id', topic: 'damaged parcel',
    steps: [
      { kind: 'text', text: 'Paket datang dalam kondisi penyok dan gelasnya pecah 😞' },
      { kind: 'photo', caption: 'Ini foto kardusnya, penyok di sudut' },
      { kind: 'location', latitude: -6.2383, longitude: 106.9756, name: 'Rumah', address: 'Jl. Kemang Pratama Raya No. 12, Bekasi' },
    ],
  },
  {
    channel: 'whatsapp', waId: '6281277788899', name: 'James Walker', language: 'en', topic: 'double charge',
    steps: [
      { kind: 'text', text: 'Hi, I was charged twice for order INV-20502 (Rp 349.000 each).' },
      { kind: 'text', text: 'Both charges are on my BNI statement from yesterday. Please refund one of them.' },
    ],
  },
  {
    channel: 'whatsapp', waId: '6281244455566', name: 'Maya Putri', language: 'id', topic: 'rude courier',
    steps: [
      { kind: 'text', text: 'Kak, kurirnya kasar sekali tadi pagi, paket dilempar ke pagar.' },
      { kind: 'voice' },
    ],
  },
  {
    channel: 'instagram', igsid: '1122334455667788', username: 'dewi.angg', name: 'Dewi Anggraini', language: 'id', topic: 'stale coffee',
    steps: [
      { kind: 'text', text: 'Kopi di café kalian basi 😞' },
      { kind: 'photo' },
      { kind: 'text', text: 'Saya beli kemarin sore di outlet Kemang.' },
    ],
  },
  {
    channel: 'instagram', igsid: '1122334455660001', username: 'ayu.lestari', name: 'Ayu Lestari', language: 'id', topic: 'promo code rejected',
    steps: [
      { kind: 'storyReply', text: 'Promo ini masih berlaku? Kok di checkout harganya beda?' },
      { kind: 'text', text: 'Kode promo BATIK50 ditolak terus.' },
    ],
  },
  {
    channel: 'instagram', igsid: '1122334455660002', username: 'tom.harris', name: 'Tom Harris', language: 'en', topic: 'wrong colour',
    steps: [
      { kind: 'text', text: 'Hello, my order arrived in the wrong colour — I ordered navy and got maroon.' },
      { kind: 'photo' },
      { kind: 'text', text: 'Can I exchange it? Order #A-7790.' },
    ],
  },
  {
    channel: 'instagram', igsid: '1122334455660003', username: 'fajar.nugroho', name: 'Fajar Nugroho', language: 'id', topic: 'order not shipped',
    steps: [
      { kind: 'text', text: 'Sudah 2 minggu pesanan saya belum dikirim, DM juga tidak dibalas.' },
      { kind: 'text', text: 'Tolong dong, order #A-7781.' },
    ],
  },
];

/** Round-robin across conversations: first message of each, then second of each, and so on. */
export function interleave(conversations: DemoConversation[]): { conversation: DemoConversation; step: DemoStep }[] {
  const out: { conversation: DemoConversation; step: DemoStep }[] = [];
  const longest = Math.max(0, ...conversations.map((c) => c.steps.length));
  for (let i = 0; i < longest; i++) {
    for (const conversation of conversations) {
      const step = conversation.steps[i];
      if (step) out.push({ conversation, step });
    }
  }
  return out;
}

/** An 8×8 batik-brown PNG standing in for customers' photos. */
export const DEMO_PHOTO_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEUlEQVR4nGPYUmGDFTEMLQkASNVaAdoeOysAAAAASUVORK5CYII=',
  'base64',
);

/** A few bytes starting with the Ogg magic; enough for download/sha256 paths, not for playback. */
export const DEMO_VOICE_OGG = Buffer.concat([Buffer.from('OggS'), Buffer.alloc(60, 1)]);
