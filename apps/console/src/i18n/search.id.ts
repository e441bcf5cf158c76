/* Kotak pencarian pada `/` (docs/customers.md §Search). Kunci yang sama dengan search.en.ts. */
import type searchEn from './search.en.ts';

const searchId: typeof searchEn = {
  search: {
    title: 'Cari',
    open: 'Cari pesan, pelanggan, dan tiket',
    placeholder: 'Cari pesan, pelanggan, tiket, nomor telepon…',
    hint: 'Ketik kata, nama, atau nomor telepon. ↑ ↓ berpindah, Enter membuka, Esc menutup.',
    empty: 'Tidak ada hasil untuk “{q}” di tim Anda.',
    groups: { customer: 'Pelanggan', ticket: 'Tiket', message: 'Pesan' },
    onTicket: '{name} · tiket #{id}',
    ticket: 'Tiket terbaru #{id}',
    noTicket: 'Belum ada tiket',
  },
};

export default searchId;
