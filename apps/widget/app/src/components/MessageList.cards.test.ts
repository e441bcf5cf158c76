import { describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { mount } from '@vue/test-utils';
import type { VisitorReviewDto, WidgetMessageDto } from '@keluh/contracts';
import type { Cards } from '../cards.ts';
import { initialConversation, reduceConversation } from '../conversation.ts';
import { provideI18n } from '../i18n.ts';
import MessageList from './MessageList.vue';

const ask = (id: number, purpose: 'rating' | 'consent'): WidgetMessageDto => ({
  id, ticketId: 1, direction: 'out', authorKind: 'agent', authorName: 'Rina', body: purpose === 'rating' ? 'Seberapa puas Anda?' : 'Boleh kami tampilkan?', attachments: [], status: 'sent',
  sentAt: `2026-12-01T10:0${id}:00.000Z`, createdAt: '2026-12-01T10:00:00.000Z',
  choices: { purpose, reviewId: 12, options: purpose === 'rating' ? [1, 2, 3, 4, 5].map((n) => ({ id: `rate:12:${n}`, title: `${n}` })) : [{ id: 'consent:12:yes', title: 'Ya' }, { id: 'consent:12:no', title: 'Tidak' }] },
});
const review = (over: Partial<VisitorReviewDto> = {}): VisitorReviewDto => ({ id: 12, ticketId: 1, state: 'requested', score: null, comment: null, consent: null, ...over });

function list(messages: WidgetMessageDto[], cards: Cards) {
  const state = reduceConversation(initialConversation(), { type: 'hydrated', messages, lastEventId: 1, promises: [...cards.promises], reviews: [...cards.reviews] });
  const Host = defineComponent({
    setup() {
      provideI18n('id');
      return () => h(MessageList, { messages: state.messages, cards: state.cards, answer: vi.fn(async () => ({ ok: true as const })), title: 'Toko', now: new Date('2026-12-01T11:00:00.000Z') });
    },
  });
  return mount(Host);
}

describe('cards in the conversation', () => {
  it('a rating question shows the star card under its bubble, and the consent question its two buttons', () => {
    const wrapper = list([ask(1, 'rating'), ask(2, 'consent')], { promises: [], reviews: [review({ state: 'rated', score: 5 })] });
    expect(wrapper.findAll('[data-testid=widget-message]')).toHaveLength(2);
    expect(wrapper.find('[data-testid=rating-answered]').text()).toContain('5 dari 5 bintang');
    expect(wrapper.find('[data-testid=consent-card]').exists()).toBe(true);
  });

  it('an open rating request shows the form to answer', () => {
    const wrapper = list([ask(1, 'rating')], { promises: [], reviews: [review()] });
    expect(wrapper.findAll('[data-testid=rating-star]')).toHaveLength(5);
  });

  it('the promise shows as a card after the messages', () => {
    const wrapper = list([ask(1, 'rating')], { promises: [{ id: 5, ticketId: 1, text: 'Refund hari ini', dueAt: '2026-12-01T13:00:00.000Z', state: 'open' }], reviews: [] });
    const card = wrapper.get('[data-testid=promise-card]');
    expect(card.text()).toContain('Refund hari ini');
    expect(card.text()).toContain('dalam 2 jam');
    expect(wrapper.html().indexOf('promise-card')).toBeGreaterThan(wrapper.html().indexOf('rating-card'));
  });

  it('a plain agent message shows no card', () => {
    const plain = { ...ask(1, 'rating'), choices: null };
    const wrapper = list([plain], { promises: [], reviews: [] });
    expect(wrapper.find('.card').exists()).toBe(false);
  });
});
