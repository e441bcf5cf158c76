import { describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { flushPromises, mount } from '@vue/test-utils';
import type { VisitorReviewDto } from '@keluh/contracts';
import { provideI18n, type Lang } from '../i18n.ts';
import type { AnswerReview } from '../review-errors.ts';
import ConsentCard from './ConsentCard.vue';

const rated = (over: Partial<VisitorReviewDto> = {}): VisitorReviewDto => ({ id: 12, ticketId: 1, state: 'rated', score: 5, comment: null, consent: null, ...over });

function card(lang: Lang, answer: AnswerReview, review: VisitorReviewDto | undefined = rated()) {
  const Host = defineComponent({
    setup() {
      provideI18n(lang);
      return () => h(ConsentCard, { reviewId: 12, review, answer });
    },
  });
  return mount(Host);
}

describe('the testimonial consent card', () => {
  it('asks with two buttons and sends consent alone, the score having been given already', async () => {
    const answer = vi.fn(async () => ({ ok: true as const }));
    const wrapper = card('id', answer);
    expect(wrapper.get('[data-testid=consent-card]').attributes('aria-label')).toBe('Boleh kami tampilkan ulasan Anda sebagai testimoni?');
    expect([wrapper.get('[data-testid=consent-yes]').text(), wrapper.get('[data-testid=consent-no]').text()]).toEqual(['Boleh', 'Jangan']);
    await wrapper.get('[data-testid=consent-no]').trigger('click');
    expect(answer).toHaveBeenCalledWith({ reviewId: 12, consent: false });
  });

  it('shows the refusal in the visitor’s language', async () => {
    const wrapper = card('en', async () => ({ ok: false, code: 'rate_limited' }));
    await wrapper.get('[data-testid=consent-yes]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid=consent-error]').text()).toBe('Too fast. Try again in a moment.');
  });

  it('once answered shows the choice instead of the buttons', () => {
    const wrapper = card('en', vi.fn(), rated({ state: 'completed', consent: true }));
    expect(wrapper.find('[data-testid=consent-card]').exists()).toBe(false);
    expect(wrapper.get('[data-testid=consent-answered]').text()).toBe('You allowed us to publish this review as a testimonial.');
  });
});
