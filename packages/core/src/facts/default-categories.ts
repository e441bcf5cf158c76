import type { ComplaintCategory, FactDefinition } from './fact.types.ts';

type Seed = Omit<ComplaintCategory, 'updatedAt'>;

const orderNumber: FactDefinition = {
  key: 'order_number',
  kind: 'order_number',
  label: { id: 'Nomor pesanan', en: 'Order number' },
  question: { id: 'Boleh kami minta nomor pesanannya, Kak?', en: 'Could you share your order number, please?' },
  required: true,
};
const whatFailed: FactDefinition = {
  key: 'what_failed',
  kind: 'text',
  label: { id: 'Apa yang bermasalah', en: 'What went wrong' },
  question: { id: 'Boleh diceritakan apa yang terjadi, Kak?', en: 'Could you tell us what happened?' },
  required: true,
};
const accountEmail = (required: boolean): FactDefinition => ({
  key: 'account_email',
  kind: 'email',
  label: { id: 'Email akun', en: 'Account email' },
  question: { id: 'Email apa yang terdaftar di akun Kakak?', en: 'Which email address is your account registered with?' },
  required,
});
const phone: FactDefinition = {
  key: 'phone',
  kind: 'phone',
  label: { id: 'Nomor HP', en: 'Phone number' },
  question: { id: 'Nomor HP yang bisa kami hubungi?', en: 'Which phone number can we reach you on?' },
  required: false,
};

/** The checklists a fresh install starts with (seeded once); admins edit them afterwards. */
export const defaultCategories: readonly Seed[] = [
  {
    key: 'delivery',
    label: { id: 'Pengiriman', en: 'Delivery' },
    position: 0,
    archived: false,
    facts: [
      orderNumber,
      {
        key: 'tracking_number',
        kind: 'tracking_number',
        label: { id: 'Nomor resi', en: 'Tracking number' },
        question: { id: 'Boleh dibantu nomor resinya, Kak?', en: 'Could you share the tracking number?' },
        required: true,
      },
      {
        key: 'order_date',
        kind: 'date',
        label: { id: 'Tanggal pesan', en: 'Order date' },
        question: { id: 'Kapan pesanannya dibuat, Kak?', en: 'When did you place the order?' },
        required: false,
      },
      { ...whatFailed, required: false },
    ],
  },
  {
    key: 'payment',
    label: { id: 'Pembayaran', en: 'Payment' },
    position: 1,
    archived: false,
    facts: [
      orderNumber,
      {
        key: 'amount',
        kind: 'amount',
        label: { id: 'Jumlah', en: 'Amount' },
        question: { id: 'Berapa jumlah yang dibayarkan, Kak?', en: 'How much did you pay?' },
        required: true,
      },
      {
        key: 'payment_date',
        kind: 'date',
        label: { id: 'Tanggal bayar', en: 'Payment date' },
        question: { id: 'Tanggal berapa pembayarannya dilakukan?', en: 'On what date did you pay?' },
        required: true,
      },
      {
        key: 'payment_method',
        kind: 'text',
        label: { id: 'Metode pembayaran', en: 'Payment method' },
        question: { id: 'Bayarnya lewat apa, Kak (transfer, e-wallet, kartu)?', en: 'How did you pay (transfer, e-wallet, card)?' },
        required: false,
      },
    ],
  },
  {
    key: 'product_defect',
    label: { id: 'Produk rusak / cacat', en: 'Defective product' },
    position: 2,
    archived: false,
    facts: [
      orderNumber,
      {
        key: 'product',
        kind: 'text',
        label: { id: 'Produk', en: 'Product' },
        question: { id: 'Produk yang mana yang bermasalah, Kak?', en: 'Which product is affected?' },
        required: true,
      },
      whatFailed,
      {
        key: 'received_date',
        kind: 'date',
        label: { id: 'Tanggal diterima', en: 'Date received' },
        question: { id: 'Kapan barangnya diterima, Kak?', en: 'When did you receive it?' },
        required: false,
      },
    ],
  },
  {
    key: 'service_outage',
    label: { id: 'Layanan terganggu', en: 'Service outage' },
    position: 3,
    archived: false,
    facts: [
      whatFailed,
      {
        key: 'since_when',
        kind: 'date',
        label: { id: 'Sejak kapan', en: 'Since when' },
        question: { id: 'Sejak kapan gangguannya terjadi, Kak?', en: 'Since when has it not been working?' },
        required: true,
      },
      accountEmail(false),
      phone,
    ],
  },
  {
    key: 'account',
    label: { id: 'Akun', en: 'Account' },
    position: 4,
    archived: false,
    facts: [accountEmail(true), phone, whatFailed],
  },
];
