import type { Holiday } from './calendar.types.ts';

/*
 * Indonesia's 2026 national holidays (hari libur nasional) and cuti bersama, from the joint decree of the
 * Ministers of Religious Affairs, Manpower and PANRB (SKB 3 Menteri No. 1497, 2 and 5 of 2025, announced
 * 19 September 2025): 17 national holiday days and 8 days of cuti bersama. Taken from press reports of the
 * decree, not from the decree's PDF itself; lunar dates (Idul Fitri, Idul Adha) may be moved by a later
 * decree, which is why the list is seeded once and then edited by the admin.
 */
export const INDONESIA_2026_LIST_NAME = 'Indonesia 2026';

const day = (date: string, name: string, kind: Holiday['kind']): Holiday => ({ start: date, end: date, name, kind });

export const indonesiaHolidays2026: readonly Holiday[] = [
  day('2026-01-01', 'Tahun Baru 2026 Masehi', 'national'),
  day('2026-01-16', 'Isra Mikraj Nabi Muhammad SAW', 'national'),
  day('2026-02-16', 'Cuti bersama Tahun Baru Imlek', 'cuti_bersama'),
  day('2026-02-17', 'Tahun Baru Imlek 2577 Kongzili', 'national'),
  day('2026-03-18', 'Cuti bersama Hari Suci Nyepi', 'cuti_bersama'),
  day('2026-03-19', 'Hari Suci Nyepi (Tahun Baru Saka 1948)', 'national'),
  day('2026-03-20', 'Cuti bersama Idul Fitri 1447 H', 'cuti_bersama'),
  { start: '2026-03-21', end: '2026-03-22', name: 'Idul Fitri 1447 H', kind: 'national' },
  { start: '2026-03-23', end: '2026-03-24', name: 'Cuti bersama Idul Fitri 1447 H', kind: 'cuti_bersama' },
  day('2026-04-03', 'Wafat Yesus Kristus', 'national'),
  day('2026-04-05', 'Kebangkitan Yesus Kristus (Paskah)', 'national'),
  day('2026-05-01', 'Hari Buruh Internasional', 'national'),
  day('2026-05-14', 'Kenaikan Yesus Kristus', 'national'),
  day('2026-05-15', 'Cuti bersama Kenaikan Yesus Kristus', 'cuti_bersama'),
  day('2026-05-27', 'Idul Adha 1447 H', 'national'),
  day('2026-05-28', 'Cuti bersama Idul Adha 1447 H', 'cuti_bersama'),
  day('2026-05-31', 'Hari Raya Waisak 2570 BE', 'national'),
  day('2026-06-01', 'Hari Lahir Pancasila', 'national'),
  day('2026-06-16', '1 Muharam Tahun Baru Islam 1448 H', 'national'),
  day('2026-08-17', 'Proklamasi Kemerdekaan', 'national'),
  day('2026-08-25', 'Maulid Nabi Muhammad SAW', 'national'),
  day('2026-12-24', 'Cuti bersama Kelahiran Yesus Kristus', 'cuti_bersama'),
  day('2026-12-25', 'Kelahiran Yesus Kristus', 'national'),
];
