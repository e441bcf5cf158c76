import { describe, expect, it } from 'vitest';
import { publicDisplayName, redactTestimonial } from './testimonial.rules.ts';

const none = { customerNames: [], phones: [], emails: [], orderNumbers: [] };

describe('redacting a testimonial before anyone publishes it', () => {
  it("hides the customer's names wherever they appear, whole words only", () => {
    const text = redactTestimonial('Saya Rina, dan suami saya juga senang. Terima kasih dari keluarga Wulandari! Marina bilang oke.', { ...none, customerNames: ['Rina Wulandari'] });
    expect(text).toBe('Saya […], dan suami saya juga senang. Terima kasih dari keluarga […]! Marina bilang oke.');
  });

  it('hides phone numbers, emails and order numbers, known or not', () => {
    const text = redactTestimonial('Hubungi 0812 3456 7890 atau +62 813-1111-2222, email rina@contoh.co.id. Pesanan #INV-20931 dan INV/2026/11/0042 cepat. Nilai 5 dari 5.', none);
    expect(text).toBe('Hubungi […] atau […], email […]. Pesanan […] dan […] cepat. Nilai 5 dari 5.');
  });

  it('hides what we have on file even when it has no tell-tale shape', () => {
    expect(redactTestimonial('Kode A1B2C3 beres', { ...none, orderNumbers: ['A1B2C3'] })).toBe('Kode […] beres');
  });

  it('hides street addresses', () => {
    expect(redactTestimonial('Dikirim ke Jl. Merdeka No. 5, Bandung, cepat sekali', none)).toBe('Dikirim ke […], Bandung, cepat sekali');
    expect(redactTestimonial('Alamat Jalan Sudirman 12 RT 03 sudah benar', none)).toBe('Alamat […]');
  });

  it('leaves an ordinary comment untouched', () => {
    expect(redactTestimonial('Pelayanannya cepat dan ramah, 5 bintang!', { ...none, customerNames: ['Budi'] })).toBe('Pelayanannya cepat dan ramah, 5 bintang!');
  });
});

describe('how a customer is named in public', () => {
  it.each([
    ['Rina Wulandari', 'Rina W.'],
    ['rina  wulandari', 'rina W.'],
    ['Siti Nur Aisyah', 'Siti A.'],
    ['Budi', 'Budi'],
  ])('shows %j as %j', (name, shown) => {
    expect(publicDisplayName(name)).toBe(shown);
  });

  it.each(['rina@contoh.co.id', '+62 812 3456 7890', '081234567890', '', null])('never shows %j', (name) => {
    expect(publicDisplayName(name)).toBeNull();
  });
});
