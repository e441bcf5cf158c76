import type { EmotionLevel } from './emotion.types.ts';

/**
 * Real-sounding complaint lines as customers write them on WhatsApp, Instagram and the web chat: formal
 * and chat Indonesian, English, and the two mixed. Each pins the level and urgent flag readEmotion must
 * give; emotion.rules.test.ts runs the table and prints the cues of any line that reads otherwise.
 */
export interface EmotionCase {
  text: string;
  level: EmotionLevel;
  urgent: boolean;
}

const c = (text: string, level: EmotionLevel, urgent = false): EmotionCase => ({ text, level, urgent });

export const emotionCases: readonly EmotionCase[] = [
  // Calm: questions, thanks, patience.
  c('Halo kak, mau tanya pesanan saya sudah dikirim belum ya?', 'calm'),
  c('Selamat siang, saya ingin menanyakan status pengiriman order INV-20931.', 'calm'),
  c('Terima kasih kak, paketnya sudah sampai dengan baik 🙏', 'calm'),
  c('Oke kak, tidak masalah, saya tunggu kabarnya.', 'calm'),
  c('Gak papa kak, santai aja, nggak buru-buru kok', 'calm'),
  c('Hi, could you tell me when my order will ship?', 'calm'),
  c('No problem at all, thanks for the update!', 'calm'),
  c('Thanks for your help, no rush on this one.', 'calm'),
  c('Kak, bisa ganti alamat pengiriman ke Bandung?', 'calm'),
  c('Apakah bisa bayar pakai QRIS atau transfer BCA?', 'calm'),
  c('Hello, I would like to change the size of my order to M please', 'calm'),
  c('Makasih ya kak udah dibantu, mantap', 'calm'),
  c('Kak resinya JNE berapa ya? Mau cek sendiri', 'calm'),
  c('Is the blue one still in stock?', 'calm'),
  c('Ok noted kak 👍', 'calm'),
  c('Pesanan saya kok belum sampai ya kak?', 'calm'),

  // Concerned: something went wrong, said plainly.
  c('Kak, paket saya belum sampai padahal estimasinya kemarin. Kenapa ya?', 'concerned'),
  c('Saya kecewa, barangnya tidak sesuai deskripsi.', 'concerned'),
  c('My package arrived damaged, the box was broken.', 'concerned'),
  c('Kok lemot banget sih pengirimannya', 'concerned'),
  c('Aplikasinya error terus dari kemarin, gak bisa login', 'concerned'),
  c('I am a bit disappointed, the colour is not what I ordered.', 'concerned'),
  c('Sudah transfer tapi status masih belum dibayar, mohon dicek', 'concerned'),
  c('kak ini gimana sih, barangnya kurang satu??', 'concerned'),
  c('The app keeps logging me out, really frustrating', 'concerned'),
  c('Tolong dicek ya kak, saldo saya berkurang tapi transaksi gagal', 'concerned'),
  c('Still waiting for my refund, any update?', 'concerned'),
  c('Saya tidak puas dengan pelayanannya', 'concerned'),

  // Upset: disappointed and saying so.
  c('Kecewa banget sama pelayanannya, udah 3 hari chat gak dibales', 'upset'),
  c('This is the worst service ever, I am really disappointed', 'upset'),
  c('Parah sih ini, barang rusak dan CS nya lelet banget', 'upset'),
  c('Kok gini sih?? Udah bayar mahal barangnya jelek', 'upset'),
  c('Ridiculous. Two weeks and still no response from your team.', 'upset'),
  c('Kalian ini gimana sih, katanya 2 hari sampai, ini udah seminggu!!', 'upset'),
  c('kecewaa bgt, paketnya ilang dan gak ada kabar sampai sekarang', 'upset'),
  c('Unacceptable, my order was cancelled without any notice', 'upset'),
  c('I am so annoyed, the courier marked it delivered but nothing came', 'upset'),
  c('Pelayanan buruk, saya dicuekin terus dari tadi pagi', 'upset'),
  c('lamaaaa bgt sih balesnya, udah 2 jam nungguin', 'upset'),
  c('Sudah 3x komplain tapi tidak ada respon sama sekali, mengecewakan', 'upset'),

  // Angry: furious, all caps, insults, threats.
  c('KECEWA BANGET!!! UDAH 3 HARI GAK ADA KABAR', 'angry', true),
  c('Ini penipuan ya?! Uang saya udah kepotong tapi barang gak dikirim 😡', 'angry'),
  c('WORST SERVICE EVER!!! I WANT MY MONEY BACK', 'angry'),
  c('Goblok banget CS nya, ditanya malah muter2', 'angry'),
  c('Parah parah parah!!! Barang rusak, CS lemot, refund gak jelas 🤬', 'angry'),
  c('This is a scam. You took my money and ignored me for a week. Unacceptable!!!', 'angry'),
  c('KALIAN NIPU YA??? BARANG GAK PERNAH DATANG', 'angry'),
  c('Saya muak, sabar saya habis. Mau saya viralkan aja', 'angry'),
  c('What the hell is wrong with you people?! Still no refund!!', 'angry'),
  c('Bangsat, duit gue ilang dan kalian diem aja', 'angry'),
  c('Pelayanan paling buruk, kecewa berat, penipu kalian semua 😤😡', 'angry'),
  c('I am furious. Worst experience, totally useless support!!!', 'angry'),

  // Urgent: time pressure, whatever the anger.
  c('Tolong segera diproses kak, barangnya mau dipakai besok pagi', 'calm', true),
  c('Please help urgently, I need this delivered today', 'calm', true),
  c('Mohon secepatnya ya kak, ini darurat buat acara nikahan', 'calm', true),
  c('ASAP please, my account is locked and I have a deadline tonight', 'calm', true),
  c('Tolong segera!!! Saldo saya hilang 5 juta, udah 2 hari gak ada respon', 'upset', true),
  c('URGENT!!! My payment went through twice, fix this immediately', 'concerned', true),
  c('Tolong bgt kak segera dibalikin uang saya, sampai sekarang belum masuk', 'concerned', true),
  c('Kak tolong dong cepet, udah seminggu nunggu dan hari ini harus dipakai', 'concerned', true),
  c('SEGERA KEMBALIKAN UANG SAYA!!! INI PENIPUAN!!! 😡😡', 'angry', true),
  c('I need a refund right now, this is an emergency. Worst shop ever, you lied to me!!!', 'angry', true),
];
