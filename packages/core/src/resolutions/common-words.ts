/**
 * A small frequency list of the words complaints share most, most common first (id and en). It stands
 * in for document frequencies the query builder cannot see: a word on it is ordinary, a word missing
 * from it is taken to be rare, and ids and numbers rarest of all. The index's own statistics (bm25's
 * idf, or the weights PostgreSQL is given) still decide the final ranking.
 */
export const commonWords: readonly string[] = [
  'pesanan', 'order', 'barang', 'paket', 'kirim', 'dikirim', 'pengiriman', 'delivery', 'package', 'item',
  'bayar', 'pembayaran', 'payment', 'uang', 'money', 'refund', 'dana', 'produk', 'product', 'toko', 'shop',
  'sampai', 'datang', 'arrived', 'arrive', 'lama', 'late', 'cepat', 'segera', 'soon', 'minggu', 'week', 'hari',
  'kemarin', 'yesterday', 'today', 'days', 'day', 'status', 'info', 'cek', 'check', 'tanya', 'question',
  'masalah', 'problem', 'issue', 'help', 'bantu', 'bantuan', 'admin', 'customer', 'service', 'cs', 'akun',
  'account', 'aplikasi', 'app', 'website', 'error', 'gagal', 'failed', 'rusak', 'broken', 'damaged',
  'kecewa', 'disappointed', 'parah', 'bad', 'kurir', 'courier', 'resi', 'tracking', 'nomor', 'number',
];

const rankOf = new Map(commonWords.map((word, index) => [word, index]));

/** 0 for the most common word, growing towards rarer ones; null when the word is not on the list. */
export function commonRank(word: string): number | null {
  return rankOf.get(word) ?? null;
}
