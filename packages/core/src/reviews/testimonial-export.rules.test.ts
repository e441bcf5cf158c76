import { describe, expect, it } from 'vitest';
import { csvCell, testimonialsCsv, toPublished } from './testimonial-export.rules.ts';
import type { Review } from './review.types.ts';

const review = (overrides: Partial<Review> = {}, testimonial: Partial<Review['testimonial']> = {}): Review => ({
  id: 3,
  ticketId: 1,
  customerId: 1,
  channel: 'whatsapp',
  state: 'completed',
  requestMessageId: null,
  consentMessageId: null,
  score: 5,
  comment: 'Rina senang',
  consent: true,
  requestedBy: null,
  requestedAt: '2026-03-02T08:00:00.000Z',
  ratedAt: '2026-03-02T09:00:00.000Z',
  completedAt: null,
  testimonial: { state: 'approved', text: '[…] senang', displayName: 'Rina W.', moderatedBy: 1, moderatedAt: null, ...testimonial },
  ...overrides,
});

describe('what a published testimonial shows', () => {
  it('shows the approved text, score and public name, never the raw comment or ids of people', () => {
    expect(toPublished(review())).toEqual({ id: 3, score: 5, text: '[…] senang', displayName: 'Rina W.', channel: 'whatsapp', at: '2026-03-02T09:00:00.000Z' });
  });

  it('publishes nothing pending, rejected or without text', () => {
    expect(toPublished(review({}, { state: 'pending' }))).toBeNull();
    expect(toPublished(review({}, { state: 'rejected' }))).toBeNull();
    expect(toPublished(review({}, { text: null }))).toBeNull();
  });
});

describe('the CSV export', () => {
  it.each([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+62 812', "'+62 812"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['Bagus, cepat', '"Bagus, cepat"'],
    ['plain', 'plain'],
  ])('makes %j safe as %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('has a header and one line per testimonial, lines ending in CRLF', () => {
    const csv = testimonialsCsv([toPublished(review())!]);
    expect(csv).toBe('id,score,display_name,text,channel,at\r\n3,5,Rina W.,[…] senang,whatsapp,2026-03-02T09:00:00.000Z\r\n');
  });
});
