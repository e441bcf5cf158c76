import { describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { flushPromises, mount } from '@vue/test-utils';
import type { VisitorReviewDto } from '@keluh/contracts';
import { provideI18n, type Lang } from '../i18n.ts';
import type { AnswerReview } from '../review-errors.ts';
import RatingCard from './RatingCard.vue';

const review = (over: Partial<VisitorReviewDto> = {}): VisitorReviewDto => ({ id: 12, ticketId: 1, state: 'requested', score: null, comment: null, consent: null, ...over });

function card(lang: Lang, answer: AnswerReview = vi.fn(async () => ({ ok: true as const })), current?: VisitorReviewDto) {
  const Host = defineComponent({
    props: { current: { type: Object, default: undefined } },
    setup(props) {
      provideI18n(lang);
      return () => h(RatingCard, { reviewId: 12, review: props.current as VisitorReviewDto | undefined, answer });
    },
  });
  return { wrapper: mount(Host, { props: { current } }), answer };
}

describe('the star-rating card', () => {
  it('offers five radio buttons in one named group, each labelled with its score in Indonesian', () => {
    const { wrapper } = card('id');
    const stars = wrapper.findAll('[data-testid=rating-star]');
    expect(stars).toHaveLength(5);
    expect(stars.every((star) => star.attributes('type') === 'radio' && star.attributes('name') === 'rating-12')).toBe(true);
    expect(wrapper.get('fieldset legend').text()).toBe('Seberapa puas Anda dengan penanganan kami?');
    expect(wrapper.findAll('label.star').map((label) => label.text())).toEqual([
      '★1 dari 5 bintang: Sangat kecewa', '★2 dari 5 bintang: Kecewa', '★3 dari 5 bintang: Biasa saja', '★4 dari 5 bintang: Puas', '★5 dari 5 bintang: Sangat puas',
    ]);
    expect(wrapper.text()).toContain('Boleh ditampilkan sebagai testimoni');
  });

  it('speaks English to an English visitor', () => {
    const { wrapper } = card('en');
    expect(wrapper.findAll('label.star').at(4)?.text()).toBe('★5 of 5 stars: Very satisfied');
    expect(wrapper.text()).toContain('You may publish this as a testimonial');
  });

  it('cannot be sent before a star is chosen', async () => {
    const { wrapper, answer } = card('id');
    expect(wrapper.get('[data-testid=rating-submit]').attributes('disabled')).toBeDefined();
    await wrapper.get('form').trigger('submit');
    expect(answer).not.toHaveBeenCalled();
  });

  it('sends the stars, the trimmed comment and the consent in one answer', async () => {
    const { wrapper, answer } = card('id');
    await wrapper.findAll('[data-testid=rating-star]')[3]!.setValue(true);
    expect(wrapper.get('.stars__word').text()).toBe('Puas');
    await wrapper.get('[data-testid=rating-comment]').setValue('  Cepat dan ramah  ');
    await wrapper.get('[data-testid=rating-consent]').setValue(true);
    await wrapper.get('form').trigger('submit');
    expect(answer).toHaveBeenCalledWith({ reviewId: 12, score: 4, comment: 'Cepat dan ramah', consent: true });
  });

  it('sends no comment when none was written, and no consent when the box was left unticked, which is not a no', async () => {
    const { wrapper, answer } = card('en');
    await wrapper.findAll('[data-testid=rating-star]')[0]!.setValue(true);
    await wrapper.get('form').trigger('submit');
    expect(answer).toHaveBeenCalledWith({ reviewId: 12, score: 1 });
  });

  it.each([
    ['review.not_requested', 'Penilaian ini sudah tidak bisa diubah.'],
    ['review.invalid_score', 'Pilih 1 sampai 5 bintang.'],
    ['widget.offline', 'Koneksi terputus. Coba lagi setelah tersambung.'],
    ['something.else', 'Penilaian belum terkirim. Coba lagi.'],
  ])('translates the refusal %s for the visitor and lets them try again', async (code, text) => {
    const { wrapper } = card('id', async () => ({ ok: false, code }));
    await wrapper.findAll('[data-testid=rating-star]')[4]!.setValue(true);
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[data-testid=rating-error]').text()).toBe(text);
    expect(wrapper.get('[data-testid=rating-submit]').attributes('disabled')).toBeUndefined();
  });

  it('once answered shows what was given instead of the form', async () => {
    const { wrapper } = card('id', undefined, review());
    await wrapper.setProps({ current: review({ state: 'rated', score: 4, comment: 'Cepat dan ramah', consent: true }) });
    expect(wrapper.find('[data-testid=rating-card]').exists()).toBe(false);
    const answered = wrapper.get('[data-testid=rating-answered]');
    expect(answered.text()).toContain('Terima kasih! Anda memberi 4 dari 5 bintang.');
    expect(answered.text()).toContain('Cepat dan ramah');
    expect(answered.text()).toContain('Anda mengizinkan ulasan ini ditampilkan sebagai testimoni.');
    expect(answered.findAll('.star--on')).toHaveLength(4);
  });

  it('a request that expired unanswered says it is closed', () => {
    const { wrapper } = card('en', undefined, review({ state: 'expired' }));
    expect(wrapper.get('[data-testid=rating-answered]').text()).toBe('This rating request is closed.');
  });
});
