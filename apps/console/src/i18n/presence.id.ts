import type en from './presence.en.ts';

/* Status kehadiran (tombol di rel) dan penugasan otomatis di linimasa. Kunci sama dengan presence.en.ts. */
const id: typeof en = {
  presence: {
    label: 'Status saya',
    hint: 'Agen yang sedang tidak di tempat atau offline tidak menerima tiket baru secara otomatis',
    failed: 'Tidak berubah',
    status: { online: 'Online', away: 'Tidak di tempat', offline: 'Offline' },
  },
  assignment: {
    assigned: 'Ditugaskan ke {name}: {rule}, {open} dari {capacity} terbuka',
    assignedBy: 'Ditugaskan ke {name}: {rule}',
    rule: { round_robin: 'round robin', balanced: 'seimbang', returning_customer: 'pelanggan kembali', manual: 'manual', escalation: 'eskalasi' },
  },
};

export default id;
