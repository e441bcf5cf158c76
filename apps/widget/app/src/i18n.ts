import { inject, provide, type InjectionKey } from 'vue';

/* Two small dictionaries; English is typed against Indonesian so a missing key fails the type check. */

export type Lang = 'id' | 'en';

const id = {
  defaultTitle: 'Layanan Pelanggan',
  replyTime: 'Kami biasanya membalas dalam beberapa menit',
  close: 'Tutup chat',
  conversation: 'Percakapan',
  welcome: 'Halo! 👋 Ada yang bisa kami bantu hari ini?',
  welcomeHint: 'Ceritakan kendala Anda, tim kami akan segera membalas di sini.',
  placeholder: 'Tulis pesan…',
  inputLabel: 'Pesan',
  send: 'Kirim',
  hint: 'Enter untuk kirim · Shift+Enter untuk baris baru',
  tooLong: 'Pesan terlalu panjang: {count}/{max} karakter',
  statusSending: 'Mengirim…',
  statusWaiting: 'Menunggu giliran…',
  statusSent: 'Terkirim',
  statusDelivered: 'Diterima',
  statusRead: 'Dibaca',
  statusFailed: 'Gagal terkirim',
  sendError: 'Pesan belum terkirim.',
  sendErrorInvalidText: 'Pesan berisi karakter yang tidak bisa dikirim. Hapus karakter itu lalu coba lagi.',
  rateLimited: 'Anda mengirim terlalu cepat. Pesan akan terkirim otomatis dalam {seconds} detik.',
  retry: 'Coba lagi',
  online: 'Online',
  connecting: 'Menghubungkan…',
  reconnecting: 'Menyambung ulang… pesan akan terkirim otomatis',
  agent: 'Tim dukungan',
  you: 'Anda',
  today: 'Hari ini',
  yesterday: 'Kemarin',
  attachment: 'Lampiran',
  poweredBy: 'Didukung oleh Keluh',
  ratingLegend: 'Seberapa puas Anda dengan penanganan kami?',
  starLabel: '{n} dari 5 bintang: {word}',
  score1: 'Sangat kecewa',
  score2: 'Kecewa',
  score3: 'Biasa saja',
  score4: 'Puas',
  score5: 'Sangat puas',
  commentLabel: 'Ceritakan pengalaman Anda (opsional)',
  consentLabel: 'Boleh ditampilkan sebagai testimoni',
  ratingSubmit: 'Kirim penilaian',
  ratingSending: 'Mengirim…',
  ratingThanks: 'Terima kasih! Anda memberi {n} dari 5 bintang.',
  ratingConsented: 'Anda mengizinkan ulasan ini ditampilkan sebagai testimoni.',
  ratingNoConsent: 'Ulasan ini tidak akan ditampilkan sebagai testimoni.',
  reviewClosed: 'Permintaan penilaian ini sudah ditutup.',
  consentQuestion: 'Boleh kami tampilkan ulasan Anda sebagai testimoni?',
  consentYes: 'Boleh',
  consentNo: 'Jangan',
  reviewErrorInvalidScore: 'Pilih 1 sampai 5 bintang.',
  reviewErrorClosed: 'Penilaian ini sudah tidak bisa diubah.',
  reviewErrorTooFast: 'Terlalu cepat. Coba lagi sebentar lagi.',
  reviewErrorOffline: 'Koneksi terputus. Coba lagi setelah tersambung.',
  reviewErrorGeneric: 'Penilaian belum terkirim. Coba lagi.',
  promiseTitle: 'Janji kami',
  promiseDue: 'Paling lambat {absolute} ({relative})',
  promiseOpen: 'Sedang kami kerjakan',
  promiseKept: 'Ditepati',
  promiseBroken: 'Tidak ditepati',
  promiseCancelled: 'Dibatalkan',
};

export type MessageKey = keyof typeof id;

const en: Record<MessageKey, string> = {
  defaultTitle: 'Customer support',
  replyTime: 'We reply in minutes',
  close: 'Close chat',
  conversation: 'Conversation',
  welcome: 'Hi there! 👋 How can we help you today?',
  welcomeHint: 'Tell us what happened — our team will reply right here.',
  placeholder: 'Write a message…',
  inputLabel: 'Message',
  send: 'Send',
  hint: 'Enter to send · Shift+Enter for a new line',
  tooLong: 'Message too long: {count}/{max} characters',
  statusSending: 'Sending…',
  statusWaiting: 'Waiting…',
  statusSent: 'Sent',
  statusDelivered: 'Delivered',
  statusRead: 'Read',
  statusFailed: 'Not sent',
  sendError: 'Message not sent.',
  sendErrorInvalidText: 'The message holds a character that cannot be sent. Remove it and try again.',
  rateLimited: 'You are sending too fast. Your message will go out by itself in {seconds} s.',
  retry: 'Retry',
  online: 'Online',
  connecting: 'Connecting…',
  reconnecting: 'Reconnecting… messages will be sent automatically',
  agent: 'Support team',
  you: 'You',
  today: 'Today',
  yesterday: 'Yesterday',
  attachment: 'Attachment',
  poweredBy: 'Powered by Keluh',
  ratingLegend: 'How satisfied are you with how we handled this?',
  starLabel: '{n} of 5 stars: {word}',
  score1: 'Very disappointed',
  score2: 'Disappointed',
  score3: 'Okay',
  score4: 'Satisfied',
  score5: 'Very satisfied',
  commentLabel: 'Tell us about it (optional)',
  consentLabel: 'You may publish this as a testimonial',
  ratingSubmit: 'Send rating',
  ratingSending: 'Sending…',
  ratingThanks: 'Thank you! You gave {n} of 5 stars.',
  ratingConsented: 'You allowed us to publish this review as a testimonial.',
  ratingNoConsent: 'This review will not be published as a testimonial.',
  reviewClosed: 'This rating request is closed.',
  consentQuestion: 'May we publish your review as a testimonial?',
  consentYes: 'Yes, you may',
  consentNo: 'No, thanks',
  reviewErrorInvalidScore: 'Choose 1 to 5 stars.',
  reviewErrorClosed: 'This rating can no longer be changed.',
  reviewErrorTooFast: 'Too fast. Try again in a moment.',
  reviewErrorOffline: 'The connection dropped. Try again once reconnected.',
  reviewErrorGeneric: 'Your rating was not sent. Try again.',
  promiseTitle: 'Our promise',
  promiseDue: 'By {absolute} ({relative})',
  promiseOpen: 'In progress',
  promiseKept: 'Kept',
  promiseBroken: 'Not kept',
  promiseCancelled: 'Cancelled',
};

export const dictionaries: Record<Lang, Record<MessageKey, string>> = { id, en };

/** `?lang=` wins; otherwise the browser's language, Indonesian for any `id*` locale, else English. */
export function pickLanguage(param: string | null | undefined, navigatorLanguage: string | undefined): Lang {
  const requested = param?.trim().toLowerCase();
  if (requested === 'id' || requested === 'en') return requested;
  return navigatorLanguage?.toLowerCase().startsWith('id') ? 'id' : 'en';
}

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function createTranslator(lang: Lang): Translate {
  const dictionary = dictionaries[lang];
  return (key, vars) => dictionary[key].replace(/\{(\w+)\}/g, (match, name: string) => String(vars?.[name] ?? match));
}

export interface I18n {
  lang: Lang;
  t: Translate;
}

const i18nKey: InjectionKey<I18n> = Symbol('keluh.i18n');

export function provideI18n(lang: Lang): I18n {
  const i18n = { lang, t: createTranslator(lang) };
  provide(i18nKey, i18n);
  return i18n;
}

export function useI18n(): I18n {
  return inject(i18nKey, () => ({ lang: 'en' as Lang, t: createTranslator('en') }), true);
}
