import type { Language } from './customer.types.ts';

/*
 * A small local Indonesian/English detector. Customers write short, informal chat: slang ("gmn", "udh",
 * "brg"), English loanwords inside Indonesian ("refund", "order", "tracking"), English with Indonesian
 * names. So the score counts only function words and affixed forms that carry the language, never nouns
 * that travel between the two; and a verdict needs enough evidence and a clear margin, so "ok"/"thanks"
 * alone never flips a customer's language.
 */

const indonesianWords = new Set(
  (
    'yang dan di ke dari untuk dengan tidak tdk gak ga nggak ngga enggak belum blm sudah sdh udah udh ' +
    'sudh aja saja ini itu ada apa apakah kenapa knp mengapa gimana gmn bagaimana bgmn kapan dimana mana ' +
    'saya sy aku aq gue gw kamu anda kak kakak mas mbak bang pak bu ibu bapak min admin kok sih dong deh ' +
    'nih tuh lah kan ya iya yg dgn utk krn karena tapi tp juga jg lagi lg masih msh bisa bs bisakah tolong ' +
    'mohon minta terima kasih makasih trims terimakasih barang brg pesanan paket kirim dikirim sampai ' +
    'sampe belum kemarin kemaren besok hari ini sekarang skrg berapa brp harga mau mo pengen ingin ' +
    'banget bgt sekali sangat kalau kalo klo jadi jd terus trus habis abis cuma cm kayak kaya seperti ' +
    'tanya nanya rusak salah hilang uang dana balik kembali kembalikan sama atau ato buat bikin ' +
    'lama udahan kasih dapat dapet dpt nya punya pesan selesai halo hai selamat pagi siang ' +
    'sore malam mohon maaf maaf tunggu ditunggu segera cepat cepet wkwk wkwkwk lho loh deh'
  ).split(/\s+/),
);

const englishWords = new Set(
  (
    'the a an and or but is are was were be been am i you he she it we they my your our their me him ' +
    'her us them this that these those what when where why how who which not no do does did done have ' +
    'has had will would can could should shall may might must to of in on at for from with about into ' +
    'please thank thanks thx hi hello hey yet still already just only also there here some any much many ' +
    'very really order ordered arrived arrive received receive yesterday today tomorrow week since ' +
    'been wrong broken missing refund money back help need want get got item package delivery delivered ' +
    'again any anyone sorry ok okay waiting wait long never ever if than then so because its it\'s ' +
    'i\'m don\'t didn\'t can\'t won\'t isn\'t hasn\'t haven\'t dont didnt cant wont isnt im ive'
  ).split(/\s+/),
);

/** Words both languages use in chat; they prove nothing. */
const shared = new Set(['ok', 'oke', 'okay', 'order', 'refund', 'admin', 'min', 'thanks', 'thx', 'halo', 'hai', 'hi', 'sorry', 'delivery', 'tracking', 'resi', 'cod', 'promo', 'diskon']);

/** Indonesian affixes on words the lists above do not know ("pesanannya", "dikirimkan", "kebanyakan"). */
const indonesianAffix = /^(?:di|ke|me[mn]?|meng|meny|pe[mn]?|peng|ber|ter|se)[a-z]{3,}$|^[a-z]{3,}(?:nya|kan|lah|kah|pun)$/;
const englishAffix = /^[a-z]{3,}(?:ing|tion|ed|ly)$/;

export interface LanguageGuess {
  language: Language;
  /** 0…1: how much the evidence favours `language` (0.5 is a coin toss). */
  confidence: number;
  /** Scored words seen: a guess on one or two words is never confident. */
  evidence: number;
}

/** Words of evidence and a share of them for one side before `isConfident` lets a guess change the language. */
export const MIN_EVIDENCE = 3;
export const MIN_CONFIDENCE = 0.7;

export function detectLanguage(text: string): LanguageGuess | null {
  const words = text.toLowerCase().normalize('NFKC').match(/[a-z']+/g) ?? [];
  let id = 0;
  let en = 0;
  for (const word of words) {
    if (shared.has(word)) continue;
    const inId = indonesianWords.has(word);
    const inEn = englishWords.has(word);
    if (inId && !inEn) id += 1;
    else if (inEn && !inId) en += 1;
    else if (!inId && !inEn) {
      // Affixes weigh less: an English loanword like "ordered" or a name can look like one.
      if (englishAffix.test(word)) en += 0.5;
      else if (indonesianAffix.test(word)) id += 0.5;
    }
  }
  const total = id + en;
  if (total === 0) return null;
  const language: Language = id >= en ? 'id' : 'en';
  return { language, confidence: Math.max(id, en) / total, evidence: total };
}

/** True when the guess is strong enough to set the customer's language (docs/customers.md §Profile). */
export function isConfident(guess: LanguageGuess | null): guess is LanguageGuess {
  return guess !== null && guess.evidence >= MIN_EVIDENCE && guess.confidence >= MIN_CONFIDENCE;
}
