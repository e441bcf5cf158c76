/* Issue 11's threading in the ticket view: the reply channel picker, merge, split and their undo. */
const threadsId = {
  replyVia: {
    label: 'Balas lewat',
    closed: 'jendela tertutup',
    templateOnly: 'hanya template',
    lastUsed: 'terakhir dipakai',
  },
  moves: {
    merge: 'Gabungkan ke…',
    mergeTitle: 'Gabungkan tiket ini ke tiket lain milik {name}',
    mergeHint: 'Semua pesan pindah ke tiket yang dipilih dan tiket ini ditutup. Bisa dibatalkan.',
    mergeInto: 'Gabungkan ke #{id}',
    noOtherTickets: 'Pelanggan ini tidak punya tiket lain untuk digabungkan.',
    split: 'Pisahkan pesan',
    splitHint: 'Pilih pesan yang merupakan masalah terpisah, lalu pisahkan ke tiket baru.',
    splitSelected: 'Pisahkan {count} ke tiket baru',
    cancel: 'Batal',
    merged: 'Digabung ke tiket #{id}.',
    split_done: 'Dipisahkan ke tiket baru #{id}.',
    undo: 'Batalkan',
    undone: 'Dibatalkan: pesan sudah kembali.',
    mergedBanner: 'Tiket ini sudah digabung ke #{id}.',
    open: 'Buka #{id}',
    selectMessage: 'Pilih pesan ini untuk dipisahkan',
  },
};

export default threadsId;
