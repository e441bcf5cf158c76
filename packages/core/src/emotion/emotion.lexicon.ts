/*
 * The words and signals the emotion reader knows, with what each is worth. Weights are points on the
 * 0–100 scales of EmotionReading; docs/workflow.md §Stage 1 sets the level thresholds (25 / 50 / 75) and
 * urgent at 60, and emotion.cases.ts pins the result on real-sounding lines. Words are stored lower-case
 * and de-stretched ("lamaaaa" is looked up as "lama"), so misspellings listed here are the ones that
 * survive that: dropped vowels and chat abbreviations.
 */

export interface WordEntry {
  anger?: number;
  urgency?: number;
  /** "banget", "sekali", "very": strengthens an anger word next to it. */
  intensifier?: boolean;
  /** "tidak", "nggak", "not": turns the next word around. */
  negator?: boolean;
  /** "masalah", "problem", "rush": harmless once negated ("tidak masalah", "no rush"), and then lowering. */
  calmWhenNegated?: { anger: number; urgency: number };
  /** "puas", "happy": negated it reads as a complaint ("tidak puas"). */
  positive?: boolean;
}

const anger = (points: number, urgency = 0): WordEntry => ({ anger: points, urgency });
const urgency = (points: number, angerPoints = 0): WordEntry => ({ urgency: points, anger: angerPoints });

const words: Record<string, WordEntry> = {
  // Bahasa Indonesia, formal and informal.
  kecewa: anger(30), kecewanya: anger(30), mengecewakan: anger(32), ngecewain: anger(30), kcewa: anger(30), kecwa: anger(30), kcw: anger(24),
  parah: anger(18), lemot: anger(16), lelet: anger(16), lambat: anger(10), lama: anger(10), kelamaan: anger(14), error: anger(12), gagal: anger(10), hilang: anger(8), ilang: anger(8), kurang: anger(8), berkurang: anger(6), mahal: anger(6), padahal: anger(8), kenapa: anger(4), tapi: anger(3), malah: anger(6), muter: anger(6), nungguin: anger(6), nunggu: anger(6), sih: anger(3), dong: anger(3), kalian: anger(4), cancelled: anger(10), canceled: anger(10), twice: anger(8),
  kok: anger(7), masa: anger(4), katanya: anger(4), gimana: anger(3), mana: anger(3),
  marah: anger(20), kesal: anger(16), kesel: anger(16), sebel: anger(14), sebal: anger(14), jengkel: anger(16), emosi: anger(14),
  capek: anger(10), cape: anger(10), muak: anger(22), bosan: anger(8), males: anger(6),
  payah: anger(20), jelek: anger(16), buruk: anger(20), rusak: anger(14), cacat: anger(10), zonk: anger(14), ancur: anger(14), hancur: anger(14),
  penipu: anger(40), penipuan: anger(40), tipu: anger(34), nipu: anger(34), menipu: anger(34), bohong: anger(22), boong: anger(22), php: anger(16),
  ngaco: anger(12), ribet: anger(8), susah: anger(5),
  komplain: anger(8), keluhan: anger(5), lapor: anger(8), laporkan: anger(14), viralkan: anger(28), viral: anger(16), ylki: anger(22), somasi: anger(26),
  refund: anger(8, 6), balikin: anger(10), kembalikan: anger(8),
  goblok: anger(55), bodoh: anger(45), tolol: anger(55), bego: anger(45), anjing: anger(55), anjir: anger(16), bangsat: anger(60), brengsek: anger(50), sialan: anger(45), tai: anger(40),
  nggak: anger(3), ngga: anger(3), gak: anger(3), ga: anger(3), gk: anger(3), enggak: anger(3), engga: anger(3), tdk: anger(2),
  belum: anger(4), blm: anger(4), lagi: anger(2), terus: anger(3), mulu: anger(8), melulu: anger(8),
  dicuekin: anger(22), dikacangin: anger(22), dicuekkin: anger(22), diabaikan: anger(20),
  tolong: urgency(14, 3), tlg: urgency(14, 3), mohon: urgency(6), segera: urgency(38), secepatnya: urgency(32), cepat: urgency(14), cepet: urgency(14), buruan: urgency(24, 6),
  darurat: urgency(40), mendesak: urgency(36), penting: urgency(18), urgent: urgency(36), urgen: urgency(36), asap: urgency(34),
  sekarang: urgency(10), skrg: urgency(10), skrng: urgency(10), hari: urgency(0), besok: urgency(10), seminggu: urgency(22, 8), sebulan: urgency(26, 10), berhari: urgency(20, 8),
  // English.
  disappointed: anger(30), disappointing: anger(30), terrible: anger(30), horrible: anger(32), awful: anger(28), worst: anger(30), bad: anger(10),
  ridiculous: anger(30), unacceptable: anger(34), useless: anger(28), pathetic: anger(32), joke: anger(12), nonsense: anger(18),
  angry: anger(30), furious: anger(40), annoyed: anger(22), frustrated: anger(24), frustrating: anger(24), upset: anger(22), fed: anger(6),
  scam: anger(40), fraud: anger(40), scammed: anger(40), lie: anger(20), lied: anger(24), lying: anger(24), cheated: anger(34), stolen: anger(22),
  broken: anger(14), damaged: anger(14), slow: anger(12), late: anger(8), wrong: anger(8), never: anger(8), still: anger(6), again: anger(5), ignored: anger(22), ignoring: anger(22),
  complaint: anger(8), lawyer: anger(26), sue: anger(28), report: anger(8),
  damn: anger(26), wtf: anger(40), shit: anger(45), crap: anger(30), stupid: anger(40), idiots: anger(50), hell: anger(10),
  not: anger(2), no: anger(2), "don't": anger(2), "didn't": anger(3), "doesn't": anger(3), "haven't": anger(4), "hasn't": anger(4), "can't": anger(3), "won't": anger(4),
  please: urgency(8), pls: urgency(8), plz: urgency(8), help: urgency(10), urgently: urgency(38), immediately: urgency(36), emergency: urgency(40), now: urgency(8), today: urgency(12), tonight: urgency(10), quickly: urgency(18), hurry: urgency(20), deadline: urgency(20),
  // Thanks and praise take the edge off the signals around them ("Makasih kak!!!" is not a protest).
  makasih: anger(-6), makasi: anger(-6), mksh: anger(-6), thanks: anger(-6), thank: anger(-6), thx: anger(-6), mantap: { anger: -6, positive: true }, love: anger(-6), great: { anger: -4, positive: true }, awesome: { anger: -6, positive: true }, bagus: { anger: -4, positive: true },
  // Turned around by a negator.
  masalah: { calmWhenNegated: { anger: -14, urgency: -6 } }, problem: { calmWhenNegated: { anger: -14, urgency: -6 } }, problems: { calmWhenNegated: { anger: -14, urgency: -6 } },
  apa: { calmWhenNegated: { anger: -12, urgency: -4 } }, papa: { calmWhenNegated: { anger: -12, urgency: -4 } }, pa: { calmWhenNegated: { anger: -12, urgency: -4 } }, worries: { calmWhenNegated: { anger: -12, urgency: -10 } },
  rush: { calmWhenNegated: { anger: -6, urgency: -24 } }, buru: { calmWhenNegated: { anger: -6, urgency: -24 } }, worry: { calmWhenNegated: { anger: -10, urgency: -8 } },
  puas: { positive: true }, senang: { positive: true }, happy: { positive: true }, satisfied: { positive: true }, membantu: { positive: true }, helpful: { positive: true }, jelas: { positive: true },
  // Intensifiers and negators.
  banget: { intensifier: true }, bgt: { intensifier: true }, bngt: { intensifier: true }, bener: { intensifier: true }, sekali: { intensifier: true }, sangat: { intensifier: true }, amat: { intensifier: true },
  very: { intensifier: true }, so: { intensifier: true }, really: { intensifier: true }, extremely: { intensifier: true }, totally: { intensifier: true }, absolutely: { intensifier: true },
  tidak: { negator: true }, tak: { negator: true }, bukan: { negator: true }, ndak: { negator: true }, nope: { negator: true },
};

/** Negators that are also a (weak) sign of frustration on their own: "nggak bisa", "gak nyampe". */
for (const word of ['nggak', 'ngga', 'gak', 'ga', 'gk', 'enggak', 'engga', 'tdk', 'not', 'no', "don't", "didn't", "doesn't", "can't", "won't"]) {
  words[word] = { ...words[word], negator: true };
}
// "hurry" is urgent, but "no hurry" is calm.
words.hurry = { ...words.hurry, calmWhenNegated: { anger: -6, urgency: -24 } };
words.urgent = { ...words.urgent, calmWhenNegated: { anger: 0, urgency: -20 } };

export const lexicon: ReadonlyMap<string, WordEntry> = new Map(Object.entries(words));

/** A word sequence worth more together than its words: `#` matches a number (digits or a number word). */
export interface PhraseEntry {
  tokens: readonly (readonly string[] | '#')[];
  anger: number;
  urgency: number;
}

const waitUnits = ['hari', 'minggu', 'bulan', 'jam', 'hr', 'mgg', 'bln'];
const englishUnits = ['days', 'weeks', 'months', 'hours'];
const already = ['udah', 'sudah', 'dah', 'udh', 'sdh', 'uda'];
const notYet = ['belum', 'blm', 'blom', 'gak', 'nggak', 'ga', 'tidak', 'tdk', 'ngga'];
const arrived = ['sampai', 'sampe', 'nyampe', 'nyampai', 'datang', 'dateng', 'dikirim', 'diproses', 'dibalas', 'dibales', 'direspon', 'ada', 'masuk', 'cair', 'kembali', 'balik'];

export const phrases: readonly PhraseEntry[] = [
  { tokens: [already, '#', waitUnits], anger: 12, urgency: 30 },
  { tokens: [already, waitUnits, '#'], anger: 12, urgency: 30 },
  { tokens: ['#', waitUnits], anger: 6, urgency: 16 },
  { tokens: ['#', englishUnits], anger: 8, urgency: 22 },
  { tokens: [['a'], ['week', 'month']], anger: 8, urgency: 22 },
  { tokens: [['sampai', 'sampe', 'ampe'], ['sekarang', 'skrg', 'skrng', 'kini']], anger: 10, urgency: 24 },
  { tokens: [['until', 'till'], ['now', 'today']], anger: 12, urgency: 20 },
  { tokens: [['dari', 'dr', 'sejak'], ['tadi', 'kemarin', 'kemaren', 'kmrn', 'kmarin', 'minggu', 'bulan']], anger: 8, urgency: 18 },
  { tokens: [['since'], ['yesterday', 'last', 'monday', 'morning']], anger: 8, urgency: 16 },
  { tokens: [already, ['seminggu', 'sebulan', 'berhari-hari', 'berminggu-minggu']], anger: 16, urgency: 30 },
  { tokens: [notYet, arrived], anger: 14, urgency: 8 },
  { tokens: [notYet, ['bisa', 'bs']], anger: 6, urgency: 4 },
  { tokens: [['masih'], notYet], anger: 16, urgency: 10 },
  { tokens: [already, ['transfer', 'tf', 'bayar', 'dibayar', 'lunas']], anger: 8, urgency: 10 },
  { tokens: [['gimana', 'gmn', 'bagaimana'], ['sih', 'si', 'ini']], anger: 16, urgency: 0 },
  { tokens: [['kok', 'ko'], ['gini', 'begini', 'gitu', 'begitu']], anger: 12, urgency: 0 },
  { tokens: [['diem', 'diam'], ['aja', 'saja']], anger: 10, urgency: 0 },
  { tokens: [['kembalikan', 'balikin', 'kembaliin', 'refund'], ['uang', 'duit', 'dana']], anger: 14, urgency: 16 },
  { tokens: [['any'], ['update', 'news']], anger: 4, urgency: 6 },
  { tokens: [['nothing'], ['came', 'arrived', 'happened']], anger: 16, urgency: 6 },
  { tokens: [['without'], ['any'], ['notice', 'explanation', 'reason']], anger: 10, urgency: 0 },
  { tokens: [['without'], ['notice', 'explanation', 'reason']], anger: 10, urgency: 0 },
  { tokens: [['you'], ['people', 'guys']], anger: 12, urgency: 0 },
  { tokens: [['fix'], ['this', 'it']], anger: 6, urgency: 8 },
  { tokens: [['tidak', 'gak', 'nggak', 'ga', 'ngga', 'belum', 'blm'], ['ada'], ['respon', 'respons', 'balasan', 'kabar', 'jawaban', 'tanggapan']], anger: 14, urgency: 14 },
  { tokens: [['no'], ['response', 'reply', 'answer', 'update', 'one']], anger: 16, urgency: 10 },
  { tokens: [['still'], ['not', 'no', 'nothing', 'waiting', "haven't", "hasn't"]], anger: 16, urgency: 12 },
  { tokens: [['never'], ['arrived', 'came', 'showed', 'received', 'got']], anger: 16, urgency: 8 },
  { tokens: [['terima', 'trima'], ['kasih', 'kasi']], anger: -6, urgency: 0 },
  { tokens: [['sekarang', 'skrg'], ['juga']], anger: 6, urgency: 26 },
  { tokens: [['right', 'asap'], ['now']], anger: 6, urgency: 24 },
  { tokens: [['as'], ['soon'], ['as'], ['possible']], anger: 0, urgency: 30 },
  { tokens: [['hari'], ['ini']], anger: 0, urgency: 12 },
  { tokens: [['uang', 'duit', 'dana', 'saldo'], ['saya', 'gue', 'gw', 'aku']], anger: 8, urgency: 10 },
  { tokens: [['my'], ['money']], anger: 10, urgency: 10 },
  { tokens: [['what'], ['the'], ['hell', 'heck', 'fuck']], anger: 30, urgency: 0 },
  { tokens: [['fed'], ['up']], anger: 20, urgency: 0 },
  { tokens: [['sabar'], ['saya', 'gue', 'aku'], ['habis', 'abis']], anger: 26, urgency: 6 },
  { tokens: [['tidak', 'gak', 'nggak', 'ga', 'ngga'], ['profesional', 'becus', 'jelas', 'bertanggung']], anger: 18, urgency: 0 },
];

/** Spoken numbers that count as `#` in "udah tiga hari". */
export const numberWords: ReadonlySet<string> = new Set(['dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'sepuluh', 'two', 'three', 'four', 'five', 'six', 'seven', 'ten', 'several', 'beberapa', 'berapa']);

/** Emoji that read as anger (or distress, worth less). */
export const emojiWeights: ReadonlyMap<string, number> = new Map([
  ['😡', 16], ['🤬', 20], ['😠', 14], ['😤', 12], ['👿', 14], ['💢', 12], ['🖕', 24],
  ['😒', 6], ['🙄', 6], ['😑', 5], ['😭', 6], ['😢', 5], ['😩', 6], ['😫', 6], ['😞', 5],
]);

/** Capitalised words that are names, not shouting. */
export const acronyms: ReadonlySet<string> = new Set(['JNE', 'JNT', 'COD', 'ATM', 'BCA', 'BRI', 'BNI', 'OVO', 'DANA', 'OTP', 'PIN', 'SMS', 'WA', 'CS', 'INV', 'ID', 'IDR', 'RP', 'SKU', 'USD', 'API', 'PDF', 'TV', 'HP', 'OK', 'OKE', 'KAK', 'ASAP', 'PT', 'CV', 'TIKI', 'POS', 'DM', 'IG', 'GOPAY', 'QRIS', 'SPX', 'LINK', 'IOS']);
