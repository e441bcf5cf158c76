import type { Language } from '../customers/customer.types.ts';
import type { WorkflowStage } from '../tickets/ticket.types.ts';
import type { NewPhrase, PhraseIntensity, PhraseTone } from './phrase.types.ts';

/*
 * The phrase bank a new installation starts with (seeded once, then the admins' to edit). Written the
 * way Indonesian support teams write on WhatsApp: "Kak", warm, never defensive; when the fault is not
 * ours the wording explains and still owns the follow-up. Every body passes assertKnownPlaceholders
 * (default-phrases.test.ts).
 */

type Variant = { tone?: PhraseTone; intensity?: PhraseIntensity; notOurFault?: boolean };
type Wording = { title: string; body: string };

/** One key in both languages, in one variant. */
function both(key: string, stage: WorkflowStage, wording: Record<Language, Wording>, variant: Variant = {}): NewPhrase[] {
  return (['id', 'en'] as const).map((language) => ({
    key,
    stage,
    language,
    tone: variant.tone ?? 'neutral',
    intensity: variant.intensity ?? 'normal',
    notOurFault: variant.notOurFault ?? false,
    ...wording[language],
  }));
}

const empathy: NewPhrase[] = [
  ...both('empathy_acknowledge', 1, {
    id: { title: 'Menerima keluhan', body: 'Halo Kak {customer_name}, terima kasih sudah menghubungi kami dan menceritakan kendalanya. Kami mengerti ini pasti bikin tidak nyaman, dan kami bantu cek sekarang ya.' },
    en: { title: 'Acknowledge the complaint', body: "Hi {customer_name}, thank you for reaching out and telling us what happened. I understand how frustrating this must be, and I'm looking into it right now." },
  }),
  ...both('empathy_acknowledge', 1, {
    id: { title: 'Menerima keluhan (pelanggan sangat kecewa)', body: 'Kak {customer_name}, kami benar-benar minta maaf atas pengalaman ini. Kekecewaan Kakak sangat wajar, dan saya, {agent_name}, akan menangani ini langsung sampai tuntas. Mohon beri saya sedikit waktu untuk mengecek {topic} sekarang juga.' },
    en: { title: 'Acknowledge (customer very upset)', body: "{customer_name}, I'm truly sorry about this. You have every reason to be upset, and I, {agent_name}, will handle this personally until it's resolved. Give me a moment to check on {topic} right now." },
  }, { intensity: 'high' }),
  ...both('empathy_acknowledge', 1, {
    id: { title: 'Menerima keluhan (kendala di luar kami)', body: 'Kami mengerti ini merepotkan, Kak {customer_name}. Saya bantu jelaskan apa yang terjadi dengan {topic} dan langkah yang bisa kita ambil bersama, ya.' },
    en: { title: 'Acknowledge (cause outside us)', body: 'I understand this is a hassle, {customer_name}. Let me explain what happened with {topic} and the steps we can take together.' },
  }, { notOurFault: true }),
  ...both('empathy_acknowledge', 1, {
    id: { title: 'Menerima keluhan (sangat kecewa, kendala di luar kami)', body: 'Kak {customer_name}, kami sangat memahami kekesalan Kakak dan kami tidak akan membiarkan ini berlarut. Kendalanya memang di luar sistem kami, tetapi kami yang akan menindaklanjutinya untuk Kakak sampai selesai.' },
    en: { title: 'Acknowledge (very upset, cause outside us)', body: "{customer_name}, I completely understand your frustration and we won't let this drag on. The cause is outside our own systems, but we'll be the ones following it up for you until it's done." },
  }, { intensity: 'high', notOurFault: true }),
  ...both('empathy_acknowledge', 1, {
    id: { title: 'Menerima keluhan (pelanggan baru)', body: 'Halo Kak {customer_name}, selamat datang dan terima kasih sudah berbelanja di tempat kami. Maaf pengalaman pertama Kakak jadi kurang menyenangkan. Kami pastikan ini beres, dan saya jelaskan setiap langkahnya ya.' },
    en: { title: 'Acknowledge (new customer)', body: "Hi {customer_name}, welcome, and thank you for choosing us. I'm sorry your first experience hasn't gone smoothly. I'll make sure this gets sorted and walk you through every step." },
  }, { tone: 'new' }),
  ...both('empathy_acknowledge', 1, {
    id: { title: 'Menerima pertanyaan (calon pelanggan)', body: 'Halo Kak {customer_name}, terima kasih sudah bertanya sebelum memutuskan. Kami senang membantu, dan kami jawab dengan jujur dan jelas soal {topic} supaya Kakak nyaman memilih.' },
    en: { title: 'Acknowledge (potential customer)', body: "Hi {customer_name}, thanks for asking before you decide. Happy to help. I'll give you a clear, honest answer about {topic} so you can choose with confidence." },
  }, { tone: 'potential' }),
  ...both('empathy_acknowledge', 1, {
    id: { title: 'Menerima keluhan (cepat dan singkat)', body: 'Siap, Kak {customer_name}! Maaf atas kendalanya, kami langsung gerak sekarang. Saya kabari hasilnya secepatnya, singkat dan jelas.' },
    en: { title: 'Acknowledge (quick and short)', body: "On it, {customer_name}! Sorry about the trouble. I'm acting on it now and will get back to you quickly with a short, clear answer." },
  }, { tone: 'impulsive' }),
  ...both('empathy_acknowledge', 1, {
    id: { title: 'Menerima keluhan (peduli nilai uang)', body: 'Kak {customer_name}, terima kasih sudah sabar. Kami paham setiap rupiah berarti, jadi kami pastikan Kakak tidak dirugikan: kami cek {topic} dan jelaskan pilihan yang paling menguntungkan buat Kakak.' },
    en: { title: 'Acknowledge (value-minded)', body: "{customer_name}, thank you for your patience. We know every rupiah counts, so we'll make sure you don't lose out: I'm checking {topic} and will lay out the options that work best for you." },
  }, { tone: 'thrifty' }),
  ...both('empathy_acknowledge', 1, {
    id: { title: 'Menerima keluhan (pelanggan setia)', body: 'Kak {customer_name}, terima kasih sudah setia bersama kami selama ini. Kami sungguh menyesal ini terjadi, dan sebagai pelanggan setia, Kakak kami prioritaskan sampai masalahnya selesai.' },
    en: { title: 'Acknowledge (loyal customer)', body: "{customer_name}, thank you for being with us all this time. We're genuinely sorry this happened, and as one of our loyal customers you have our full priority until it's fixed." },
  }, { tone: 'loyal' }),
  ...both('empathy_acknowledge', 1, {
    id: { title: 'Menerima keluhan (usaha yang bertumbuh)', body: 'Kak {customer_name}, terima kasih sudah terus bertumbuh bersama kami. Kami paham kendala di {topic} bisa mengganggu usaha Kakak, jadi kami tangani dengan serius dan cepat.' },
    en: { title: 'Acknowledge (growing business)', body: '{customer_name}, thank you for growing with us. We know a problem with {topic} can hold your business back, so we are treating it seriously and quickly.' },
  }, { tone: 'growing' }),
  ...both('empathy_apology', 1, {
    id: { title: 'Permintaan maaf', body: 'Mohon maaf atas ketidaknyamanannya, Kak {customer_name}. Kami sedang mengecek pesanan {order_number} dan akan segera mengabari Kakak.' },
    en: { title: 'Apology', body: "I'm sorry for the inconvenience, {customer_name}. I'm checking order {order_number} now and will update you shortly." },
  }),
  ...both('empathy_apology', 1, {
    id: { title: 'Permintaan maaf (sangat kecewa)', body: 'Kak {customer_name}, kami mohon maaf yang sebesar-besarnya. Ini tidak seharusnya terjadi. Pesanan {order_number} sudah saya tandai sebagai prioritas dan saya pantau langsung.' },
    en: { title: 'Apology (very upset)', body: "{customer_name}, I sincerely apologise. This should not have happened. I've flagged order {order_number} as a priority and I'm following it personally." },
  }, { intensity: 'high' }),
  ...both('empathy_apology', 1, {
    id: { title: 'Terima kasih atas kesabaran (kendala kurir)', body: 'Terima kasih atas kesabarannya, Kak {customer_name}. Dari pengecekan kami, pesanan {order_number} sedang tertahan di pihak kurir. Kami sudah menghubungi mereka dan akan mengabari Kakak begitu ada kabar terbaru.' },
    en: { title: 'Thanks for your patience (courier delay)', body: "Thank you for bearing with us, {customer_name}. We checked, and order {order_number} is being held at the courier. We've contacted them and will let you know as soon as we hear back." },
  }, { notOurFault: true }),
  ...both('empathy_listening', 1, {
    id: { title: 'Kami mendengarkan', body: 'Terima kasih sudah menjelaskan dengan detail, Kak. Kami dengar dan catat semuanya, jadi Kakak tidak perlu mengulang cerita lagi.' },
    en: { title: "We're listening", body: "Thank you for explaining in detail. We've heard and noted everything, so you won't need to repeat yourself." },
  }),
  ...both('empathy_listening', 1, {
    id: { title: 'Kami mendengarkan (sangat kecewa)', body: 'Kami dengar Kakak, dan kami mengerti betapa kesalnya menunggu tanpa kepastian. Mulai sekarang saya, {agent_name}, yang memegang kasus ini sampai selesai.' },
    en: { title: "We're listening (very upset)", body: 'I hear you, and I understand how upsetting it is to wait without any certainty. From now on I, {agent_name}, am handling this case until it is done.' },
  }, { intensity: 'high' }),
];

const details: NewPhrase[] = [
  ...both('details_order_number', 2, {
    id: { title: 'Minta nomor pesanan', body: 'Boleh dibantu nomor pesanannya, Kak? Biasanya diawali INV, misalnya INV-20931.' },
    en: { title: 'Ask for the order number', body: 'Could you share your order number? It usually starts with INV, for example INV-20931.' },
  }),
  ...both('details_timeline', 2, {
    id: { title: 'Tanya waktu kejadian', body: 'Supaya kami bisa cek dengan tepat, kapan Kakak pertama kali mengalami kendala ini, Kak?' },
    en: { title: 'Ask when it happened', body: 'So we can check accurately, when did you first notice the problem?' },
  }),
  ...both('details_evidence', 2, {
    id: { title: 'Minta foto atau tangkapan layar', body: 'Kalau berkenan, Kakak bisa kirimkan foto atau tangkapan layar kendalanya? Itu sangat membantu kami mempercepat pengecekan.' },
    en: { title: 'Ask for a photo or screenshot', body: 'If you can, please send a photo or screenshot of the problem. It helps us check much faster.' },
  }),
  ...both('details_confirm', 2, {
    id: { title: 'Konfirmasi rangkuman', body: 'Baik Kak {customer_name}, saya rangkum dulu ya: pesanan {order_number}, kendalanya soal {topic}. Apakah sudah benar?' },
    en: { title: 'Confirm the summary', body: 'Let me make sure I have it right, {customer_name}: order {order_number}, and the problem is {topic}. Is that correct?' },
  }),
];

const map: NewPhrase[] = [
  ...both('map_checking', 3, {
    id: { title: 'Sedang menelusuri penyebab', body: 'Terima kasih, Kak. Datanya sudah lengkap, sekarang kami telusuri penyebabnya bersama tim terkait.' },
    en: { title: 'Tracing the cause', body: "Thank you, that's everything we need. We're now tracing the cause with the team involved." },
  }),
  ...both('map_found_cause', 3, {
    id: { title: 'Penyebab ditemukan', body: 'Kak {customer_name}, kami sudah menemukan penyebabnya: {topic}. Berikut yang akan kami lakukan supaya tidak terulang.' },
    en: { title: 'Cause found', body: "{customer_name}, we've found the cause: {topic}. Here's what we'll do so it doesn't happen again." },
  }),
  ...both('map_partner_cause', 3, {
    id: { title: 'Penyebab di pihak mitra', body: 'Dari penelusuran kami, kendalanya berasal dari {topic} di pihak mitra kami. Kami tetap bertanggung jawab mengawal prosesnya sampai selesai untuk Kakak.' },
    en: { title: "Cause on a partner's side", body: "From what we found, the problem came from {topic} on our partner's side. We'll still take responsibility for seeing it through for you." },
  }, { notOurFault: true }),
];

const solution: NewPhrase[] = [
  ...both('solution_offer', 4, {
    id: { title: 'Tawarkan solusi', body: 'Sebagai solusinya, kami bisa {topic}. Apakah Kakak setuju dengan langkah ini?' },
    en: { title: 'Offer a solution', body: 'As a solution, we can {topic}. Does that work for you?' },
  }),
  ...both('solution_offer', 4, {
    id: { title: 'Tawarkan solusi (langsung diproses)', body: 'Kak {customer_name}, solusinya sudah kami siapkan dan langsung kami proses sekarang: {topic}. Saya pantau sampai selesai.' },
    en: { title: 'Offer a solution (acting now)', body: "{customer_name}, the fix is ready and we're processing it right now: {topic}. I'll follow it until it's done." },
  }, { intensity: 'high' }),
  ...both('solution_promise', 4, {
    id: { title: 'Janji dan tenggat', body: 'Kami pastikan prosesnya selesai sesuai waktu yang kami sampaikan, dan saya akan mengabari Kakak sebelum itu. Kalau ada perubahan, Kakak orang pertama yang tahu.' },
    en: { title: 'Promise and due time', body: "We'll make sure this is done by the time we've given you, and I'll update you before then. If anything changes, you'll be the first to know." },
  }),
  ...both('solution_options', 4, {
    id: { title: 'Pilihan penggantian atau refund', body: 'Ada dua pilihan untuk Kakak: penggantian barang atau pengembalian dana penuh. Mana yang lebih nyaman buat Kakak?' },
    en: { title: 'Replacement or refund', body: 'There are two options for you: a replacement or a full refund. Which would you prefer?' },
  }),
];

const review: NewPhrase[] = [
  ...both('review_request', 5, {
    id: { title: 'Minta penilaian', body: 'Kak {customer_name}, apakah masalahnya sudah terselesaikan dengan baik? Kami akan sangat berterima kasih kalau Kakak berkenan memberi penilaian singkat atas bantuan kami.' },
    en: { title: 'Ask for a rating', body: "{customer_name}, is everything sorted now? We'd be grateful if you could rate the help you received. It only takes a moment." },
  }),
  ...both('review_thanks', 5, {
    id: { title: 'Terima kasih atas penilaian', body: 'Terima kasih banyak atas penilaian dan masukannya, Kak {customer_name}. Ini sangat berarti buat tim kami.' },
    en: { title: 'Thanks for the rating', body: 'Thank you so much for your rating and feedback, {customer_name}. It means a lot to our team.' },
  }),
  ...both('review_follow_up', 5, {
    id: { title: 'Tindak lanjut nilai rendah', body: 'Terima kasih atas kejujurannya, Kak. Kami menyesal belum memenuhi harapan Kakak. Supervisor kami akan menghubungi Kakak untuk memperbaikinya.' },
    en: { title: 'Follow-up on a low score', body: "Thank you for being honest with us. We're sorry we fell short of your expectations. Our supervisor will contact you to put things right." },
  }),
];

export const defaultPhrases: readonly NewPhrase[] = [...empathy, ...details, ...map, ...solution, ...review];
