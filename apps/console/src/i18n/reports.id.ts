import type reportsEn from './reports.en.ts';

/* Halaman Laporan dan entrinya di rail. Kunci sama dengan reports.en.ts. */
const reportsId: typeof reportsEn = {
  reports: {
    nav: 'Laporan',
    navSection: 'Supervisi',
    title: 'Laporan',
    subtitle: 'Waktu respons, SLA, kepuasan, janji, dan volume per hari menurut zona waktu tim.',
    report: 'Laporan',
    from: 'Dari',
    to: 'Sampai',
    team: 'Tim',
    allTeams: 'Semua tim',
    groupBy: 'Kelompokkan menurut',
    businessHours: 'Hanya jam kerja',
    wallTimeNote: 'Jam kerja hanya berlaku untuk waktu respons dan penyelesaian: laporan ini memakai waktu jam dinding.',
    download: 'Unduh CSV',
    loading: 'Memuat laporan…',
    loadFailed: 'Laporan tidak dapat dimuat.',
    retry: 'Coba lagi',
    empty: 'Tidak ada aktivitas pada rentang ini.',
    chartLabel: 'Grafik {report}',
    tableLabel: 'Total {report} per {group}',
    zone: 'Hari menurut {zone}',
    noGroup: 'Belum diisi',
    stage: 'Tahap {n}',
    total: 'Total',
    kinds: {
      first_response: 'Waktu respons pertama',
      next_response: 'Waktu respons berikutnya',
      resolution: 'Waktu penyelesaian',
      sla_hit_rate: 'Ketercapaian SLA',
      csat: 'Kepuasan pelanggan (CSAT)',
      promise_kept: 'Janji ditepati',
      stage_dwell: 'Lama di tiap tahap',
      volume: 'Volume',
    },
    groups: { channel: 'Kanal', agent: 'Agen', team: 'Tim', customer_type: 'Tipe pelanggan', characteristic: 'Karakter' },
    units: { minutes: 'menit', percent: '%', score: 'skor (1–5)', count: 'tiket' },
    columns: {
      count: 'Jumlah', median: 'Median', p90: 'Persentil 90', average: 'Rata-rata',
      met: 'Tercapai', breached: 'Terlewati', rate: 'Persentase',
      responses: 'Tanggapan', score_1: '★1', score_2: '★2', score_3: '★3', score_4: '★4', score_5: '★5',
      settled: 'Selesai', kept: 'Ditepati', broken: 'Diingkari',
      stage_1_count: 'Tahap 1 (n)', stage_1_median: 'Median tahap 1', stage_2_count: 'Tahap 2 (n)', stage_2_median: 'Median tahap 2',
      stage_3_count: 'Tahap 3 (n)', stage_3_median: 'Median tahap 3', stage_4_count: 'Tahap 4 (n)', stage_4_median: 'Median tahap 4',
      stage_5_count: 'Tahap 5 (n)', stage_5_median: 'Median tahap 5',
      tickets: 'Tiket', inbound: 'Pesan masuk', outbound: 'Pesan keluar',
    },
    values: {
      customer_type: { internal: 'Internal', external: 'Eksternal', intermediary: 'Perantara' },
      characteristic: { new: 'Baru', potential: 'Potensial', impulsive: 'Impulsif', thrifty: 'Hemat', loyal: 'Setia', growing: 'Berkembang' },
      channel: { webchat: 'Obrolan web', whatsapp: 'WhatsApp', instagram: 'Instagram', api: 'API' },
    },
  },
};

export default reportsId;
