/**
 * Realistic resolved complaints for search tests and the bench: Indonesian and English, built from
 * templates over real products, couriers, banks, cities, order numbers and amounts. Seeded, so a run is
 * reproducible. The texts deliberately share the words every complaint shares (pesanan, paket, kurir,
 * order …), so ranking must lean on what is rare.
 */
export interface CorpusCase {
  category: string;
  facts: Record<string, string>;
  customerText: string;
  rootCause: string;
  rootCauseNote: string;
  solution: string;
  timeToFixMs: number;
}

/** Mulberry32: a tiny, good-enough seeded generator. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const couriers = ['JNE', 'J&T Express', 'SiCepat', 'AnterAja', 'Ninja Xpress', 'Wahana', 'Pos Indonesia', 'Lion Parcel', 'ID Express', 'GoSend'];
const cities = ['Jakarta Barat', 'Bekasi', 'Tangerang', 'Depok', 'Bandung', 'Surabaya', 'Semarang', 'Medan', 'Makassar', 'Denpasar', 'Yogyakarta', 'Palembang', 'Malang', 'Bogor', 'Balikpapan'];
const products = ['Blender Philips HR2115', 'Sepatu Ventela Public', 'Kemeja batik Danar Hadi', 'Headset JBL Tune 510', 'Rice cooker Cosmos CRJ-3301', 'Tas ransel Eiger', 'Kipas angin Maspion', 'Powerbank Anker 10000', 'Setrika Philips GC1905', 'Kaos Erigo oversize', 'Smartwatch Xiaomi Band 8', 'Panci Maxim Valentino', 'Hijab Zoya', 'Lampu LED Hannochs', 'Mouse Logitech M331'];
const defectsId = ['mati total waktu dinyalakan', 'retak di bagian bawah', 'warnanya beda dengan foto', 'ukurannya salah', 'jahitannya lepas', 'tidak bisa dicas', 'bau gosong setelah dipakai sebentar', 'tombolnya macet', 'kabelnya putus', 'ada goresan di layar'];
const defectsEn = ['is dead on arrival', 'arrived cracked', 'is a different colour from the photo', 'came in the wrong size', 'has loose stitching', 'will not charge', 'smells burnt after a few minutes', 'has a stuck button', 'has a broken cable', 'has a scratched screen'];
const banks = ['BCA', 'Mandiri', 'BRI', 'BNI', 'GoPay', 'OVO', 'DANA', 'ShopeePay', 'CIMB Niaga', 'Permata'];
const apps = ['aplikasi Android', 'aplikasi iOS', 'website', 'halaman checkout', 'fitur chat'];

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const digits = (random: () => number, count: number) => Array.from({ length: count }, () => Math.floor(random() * 10)).join('');
const rupiah = (random: () => number) => `Rp ${(Math.floor(random() * 2_000) * 1_000 + 15_000).toLocaleString('id-ID')}`;
const HOUR = 3_600_000;

type Builder = (random: () => number, english: boolean) => Omit<CorpusCase, 'timeToFixMs'>;

const builders: Builder[] = [
  (random, english) => {
    const [courier, city, order, days] = [pick(random, couriers), pick(random, cities), `INV-${digits(random, 6)}`, 2 + Math.floor(random() * 9)];
    const tracking = `${courier.slice(0, 2).toUpperCase()}${digits(random, 10)}`;
    return {
      category: 'delivery',
      facts: { order_number: order, courier, tracking_number: tracking },
      customerText: english
        ? `My order ${order} still hasn't arrived. ${courier} tracking ${tracking} has been stuck in ${city} for ${days} days, please check.`
        : `Kak, pesanan ${order} belum sampai juga. Paket ${courier} resi ${tracking} nyangkut di ${city} sudah ${days} hari, tolong dicek dong.`,
      rootCause: 'courier_delay',
      rootCauseNote: `Paket tertahan di hub ${courier} ${city}`,
      solution: pick(random, ['Eskalasi ke kurir, paket dikirim ulang', 'Kirim ulang barang dengan kurir lain', 'Refund ongkir dan voucher 10%']),
    };
  },
  (random, english) => {
    const [bank, amount, order] = [pick(random, banks), rupiah(random), `INV-${digits(random, 6)}`];
    return {
      category: 'payment',
      facts: { order_number: order, amount, payment_method: bank },
      customerText: english
        ? `I paid ${amount} with ${bank} for order ${order} but the status still says awaiting payment. The money has left my account.`
        : `Saya sudah transfer ${amount} lewat ${bank} untuk pesanan ${order} tapi statusnya masih menunggu pembayaran. Saldo sudah kepotong!`,
      rootCause: 'payment_gateway',
      rootCauseNote: `Callback ${bank} terlambat dari payment gateway`,
      solution: pick(random, ['Verifikasi manual pembayaran', 'Refund ke rekening pelanggan', 'Pesanan diproses setelah cek mutasi']),
    };
  },
  (random, english) => {
    const [product, index, order] = [pick(random, products), Math.floor(random() * defectsId.length), `INV-${digits(random, 6)}`];
    return {
      category: 'product_defect',
      facts: { order_number: order, product, what_failed: defectsId[index]! },
      customerText: english ? `The ${product} I received ${defectsEn[index]}. Order ${order}. Very disappointed.` : `${product} yang saya terima ${defectsId[index]}. Nomor pesanan ${order}. Kecewa banget.`,
      rootCause: pick(random, ['product_quality', 'stock_error', 'human_error']),
      rootCauseNote: `QC gudang ${pick(random, cities)} terlewat`,
      solution: pick(random, ['Tukar barang baru', 'Refund penuh setelah barang diretur', 'Kirim sparepart pengganti']),
    };
  },
  (random, english) => {
    const [app, hour] = [pick(random, apps), 6 + Math.floor(random() * 16)];
    return {
      category: 'service_outage',
      facts: { what_failed: app, since: `${hour}:00` },
      customerText: english ? `The ${app} keeps showing an error since ${hour}:00, I cannot check out at all.` : `Dari jam ${hour}.00 ${app} error terus, nggak bisa checkout sama sekali. Parah!`,
      rootCause: 'system_bug',
      rootCauseNote: `Gangguan server ${app}`,
      solution: 'Perbaikan oleh tim teknis, pelanggan diberi voucher',
    };
  },
  (random, english) => {
    const email = `${pick(random, ['rina', 'budi', 'sari', 'andi', 'dewi', 'agus'])}${digits(random, 3)}@${pick(random, ['gmail.com', 'yahoo.co.id', 'outlook.com'])}`;
    return {
      category: 'account',
      facts: { account_email: email, phone: `+62812${digits(random, 8)}` },
      customerText: english ? `I cannot log in to my account ${email}, the OTP code never arrives.` : `Akun saya ${email} nggak bisa login, kode OTP nggak pernah masuk.`,
      rootCause: pick(random, ['system_bug', 'customer_misunderstanding']),
      rootCauseNote: 'Pengiriman OTP gagal ke operator',
      solution: 'Reset akun dan verifikasi ulang nomor HP',
    };
  },
];

/** `count` cases, about a third in English, each category equally likely. */
export function caseCorpus(count: number, seed = 9): CorpusCase[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => {
    const built = pick(random, builders)(random, random() < 0.35);
    return { ...built, timeToFixMs: Math.round((1 + random() * 71) * HOUR) };
  });
}
