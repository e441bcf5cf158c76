/**
 * Indonesian-aware matching without a stemmer (docs/customers.md §Search). A word's *forms* are the word
 * itself and what is left after taking off the affixes a customer most often glues to a root: the
 * particles -lah/-kah/-pun, the possessives -nya/-ku/-mu, the prefixes di-/ke-/se- and the circumfix
 * ke-…-an. A query word matches a document word when they share a form, so "paket" finds "paketnya",
 * "dikirim" finds "kirim" and "keterlambatan" finds "terlambat".
 *
 * Why not a stemmer: a stemmer rewrites every word to a guessed root and so silently merges unrelated
 * words. Here the word as written is always one of its forms, a stripped form must keep a root of at least
 * MIN_ROOT letters with a vowel (so "dian", "kenya", "buku", "salah" keep only themselves), and common
 * words that merely look affixed are never stripped (LOOKALIKES: "sepatu" is not se- + "patu", "kemeja"
 * not ke- + "meja", "masalah" not "masa" + -lah). What remains is documented by the tests: e.g. "kemarin"
 * also has the form "marin", which only a search for "marin" would ever meet.
 */

const PARTICLES = ['lah', 'kah', 'pun'] as const;
const POSSESSIVES = ['nya', 'ku', 'mu'] as const;
const PREFIXES = ['di', 'ke', 'se'] as const;
const MIN_ROOT = 3;

/** Everyday words whose start or end only looks like an affix: stripping them would match another word. */
export const LOOKALIKES: ReadonlySet<string> = new Set([
  'masalah', 'sekolah', 'sekarang', 'sebelum', 'sebentar', 'semua', 'sedang', 'sekali', 'selalu', 'sejak', 'sejarah',
  'selamat', 'senang', 'sepatu', 'sepeda', 'seperti', 'sebab', 'sedikit', 'serius', 'setuju', 'sering', 'segera',
  'kemarin', 'kemeja', 'kenapa', 'kepala', 'kelas', 'kecil', 'keras', 'kereta', 'kenal', 'kelapa', 'kertas', 'ketat',
  'kembali', 'kemudian', 'kemasan', 'kental', 'kenya', 'dian', 'dingin', 'dinas', 'dinding', 'diri', 'diam', 'dia',
  'langkah', 'ampun', 'bertemu', 'minggu', 'kaku', 'laku', 'tamu', 'ilmu', 'buku',
]);

const AFFIXES: ReadonlySet<string> = new Set([...PARTICLES, ...POSSESSIVES, ...PREFIXES]);
const isPlausibleRoot = (root: string) => root.length >= MIN_ROOT && /[aiueo]/.test(root) && !AFFIXES.has(root);

function withoutSuffix(word: string, suffixes: readonly string[]): string | null {
  for (const suffix of suffixes) {
    if (word.endsWith(suffix) && isPlausibleRoot(word.slice(0, -suffix.length))) return word.slice(0, -suffix.length);
  }
  return null;
}

/** ke-…-an first: "keterlambatan" is "terlambat", never ke- + "terlambatan". */
function withoutPrefix(word: string): string[] {
  if (word.startsWith('ke') && word.endsWith('an') && isPlausibleRoot(word.slice(2, -2))) return [word.slice(2, -2)];
  return PREFIXES.filter((prefix) => word.startsWith(prefix) && isPlausibleRoot(word.slice(prefix.length))).map((prefix) => word.slice(prefix.length));
}

/**
 * The forms of one folded word (lower case, no accents), the word itself first: the suffixes come off
 * first (a particle, then a possessive), then a prefix from what is left — unless what is left is a
 * look-alike ("sepatunya" is "sepatu", not "patu"). Digits are never stripped.
 */
export function termForms(word: string): string[] {
  if (/\d/.test(word) || LOOKALIKES.has(word)) return [word];
  const chain = [word];
  const afterParticle = withoutSuffix(word, PARTICLES);
  if (afterParticle !== null) chain.push(afterParticle);
  const base = chain.at(-1)!;
  const afterPossessive = LOOKALIKES.has(base) ? null : withoutSuffix(base, POSSESSIVES);
  if (afterPossessive !== null) chain.push(afterPossessive);
  const stem = chain.at(-1)!;
  const roots = LOOKALIKES.has(stem) ? [] : withoutPrefix(stem);
  return [...new Set([...chain, ...roots])];
}

/**
 * The document words a form can stand for: the form with one suffix, with one prefix (or ke-…-an), or
 * with a prefix and -nya ("dikirimnya") — each kept only when its own forms include the form. The index
 * holds words as written, so a search asks it for these: the same matching as indexing every word's
 * forms, without storing a second copy of every message. Rarer stacks ("sekirimlah") are not asked for.
 */
export function affixedWords(form: string): string[] {
  if (/\d/.test(form)) return [form];
  const prefixed = [...PREFIXES.map((prefix) => prefix + form), `ke${form}an`];
  const candidates = [form, ...[...PARTICLES, ...POSSESSIVES].map((suffix) => form + suffix), ...prefixed, ...prefixed.map((word) => `${word}nya`)];
  return [...new Set(candidates.filter((word) => word === form || termForms(word).includes(form)))];
}

/** What a query word may match in a document: the affixed words of each of its forms. */
export function matchingWords(word: string): string[] {
  return [...new Set(termForms(word).flatMap(affixedWords))];
}
