/* Satu pelanggan lintas kanal (issue 11): saran penggabungan di tiket dan riwayat penggabungan. */
const customersId = {
  merges: {
    suggestion: {
      label: 'Mungkin orang yang sama',
      reasons: {
        phone_in_message: '{name} dikenal dengan nomor yang diketik di sini.',
        email_in_message: '{name} dikenal dengan email yang diketik di sini.',
        order_number: '{name} punya tiket dengan nomor pesanan yang sama.',
        same_name: '{name} menulis di kanal lain hari ini dengan nama yang sama.',
      },
      confirm: 'Orang yang sama: gabungkan',
      reject: 'Orang berbeda',
      confirmed: 'Digabungkan. Bisa dibatalkan dari riwayat penggabungan pelanggan.',
    },
    history: {
      title: 'Riwayat penggabungan',
      empty: 'Belum pernah digabungkan.',
      merged: '{name} digabungkan ke sini',
      mergedInto: 'Digabungkan ke {name}',
      by: 'oleh {name}',
      automatic: 'otomatis',
      undone: 'Dibatalkan oleh {name}',
      undo: 'Batalkan',
      reasons: { manual: 'manual', suggestion: 'saran dikonfirmasi', verified_phone: 'telepon terverifikasi sama', verified_email: 'email terverifikasi sama' },
    },
  },
};

export default customersId;
