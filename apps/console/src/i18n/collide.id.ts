import type collideEn from './collide.en.ts';

/* Deteksi tabrakan balasan: siapa lagi yang membuka tiket, dan peringatan sebelum membalas bersamaan. */
const collideId: typeof collideEn = {
  watchers: {
    viewing: '{name} juga melihat | {name} juga melihat',
    typing: '{name} sedang mengetik… | {name} sedang mengetik…',
  },
  collision: {
    title: 'Pelanggan baru saja dibalas',
    replied: '{name} membalas {time}:',
    secondsAgo: 'barusan | 1 detik lalu | {n} detik lalu',
    someone: 'Seseorang',
    question: 'Pelanggan sudah menerima balasan ini. Tetap kirim balasan Anda?',
    cancel: 'Batal',
    sendAnyway: 'Tetap kirim',
  },
};

export default collideId;
