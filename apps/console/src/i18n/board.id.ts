import type en from './board.en.ts';

/* Papan supervisor dan wallboard-nya. Kunci sama dengan board.en.ts. */
const id: typeof en = {
  board: {
    nav: 'Papan',
    navSection: 'Supervisi',
    title: 'Papan langsung',
    subtitle: 'Setiap angka di sini bergerak saat terjadi: dikirim lewat koneksi langsung, tanpa polling.',
    loading: 'Memuat papan…',
    loadFailed: 'Papan tidak dapat dimuat.',
    retry: 'Coba lagi',
    wallboard: 'Wallboard',
    fullscreen: 'Layar penuh',
    exitWall: 'Keluar dari wallboard',
    truncated: 'Menampilkan {n} tiket terbuka pertama.',
    tiles: {
      waitingNow: 'Menunggu sekarang',
      aboutToBreach: 'Hampir melewati SLA',
      breachedToday: 'Melewati SLA hari ini',
      agentsOnline: 'Agen online',
      csatToday: 'CSAT hari ini',
      csatDetail: '{percent}% puas · {n} penilaian',
      noRatings: 'Belum ada penilaian',
    },
    queue: {
      title: 'Antrean',
      empty: 'Tidak ada tiket terbuka. Tidak ada yang menunggu.',
      customer: 'Pelanggan',
      channel: 'Kanal',
      stage: 'Tahap',
      priority: 'Prioritas',
      assignee: 'Penanggung jawab',
      waiting: 'Menunggu',
      sla: 'SLA',
      unassigned: 'Belum ditugaskan',
      answered: 'Sudah dibalas',
      noSla: 'Tanpa SLA',
      reassign: 'Alihkan tiket #{id}',
      reassignTo: 'Tugaskan ke',
      load: '{open} dari {capacity} terbuka',
      reassigned: 'Tiket #{id} kini dipegang {name}.',
    },
    sla: {
      first_response: 'Respons pertama',
      next_response: 'Respons berikutnya',
      resolution: 'Penyelesaian',
      green: 'Tepat waktu',
      amber: 'Peringatan',
      red: 'Terlewati',
      paused: 'Dijeda',
    },
    breach: {
      title: 'Hampir melewati SLA',
      empty: 'Tidak ada jam SLA yang mendekati batas waktunya.',
      overdue: 'terlambat',
    },
    agents: {
      title: 'Agen',
      empty: 'Tidak ada agen di tim ini.',
      status: { online: 'Online', away: 'Sedang pergi', offline: 'Offline' },
      viewing: 'Membuka #{id}',
      idle: 'Tidak membuka tiket',
    },
    stages: {
      title: 'Tahap',
      tickets: '{n} tiket',
      dwell: 'rata-rata {time}',
      stuck: '{n} macet',
    },
    volume: {
      title: 'Pesan masuk per jam, 12 jam',
      empty: 'Tidak ada pesan masuk dalam 12 jam terakhir.',
      bar: '{channel} {hour}: {n}',
    },
  },
};

export default id;
