import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import type { EmotionReading } from '@keluh/core';
import { createAppI18n } from '../../i18n/index.ts';
import { message } from '../../test/fixtures.ts';
import EmotionCard from './EmotionCard.vue';

const angry: EmotionReading = {
  anger: 82, urgency: 64, level: 'angry', urgent: true,
  cues: [{ dimension: 'anger', kind: 'word', text: 'parah', weight: 20 }, { dimension: 'urgency', kind: 'exclamations', text: '!!!', weight: 15 }],
};

describe('the customer’s mood in the empathy panel', () => {
  it('reads the latest customer message and explains why', () => {
    const messages = [message(1, 1, { emotion: angry } as never), message(2, 1, { direction: 'out', authorKind: 'agent' })];
    const wrapper = mount(EmotionCard, { props: { messages }, global: { plugins: [createAppI18n('id')] } });
    expect(wrapper.get('[data-testid=emotion-card]').attributes('data-level')).toBe('angry');
    expect(wrapper.text()).toContain('Marah');
    expect(wrapper.get('[data-testid=emotion-urgent]').text()).toBe('Mendesak');
    expect(wrapper.get('[data-testid=emotion-cues]').text()).toContain('“parah” · kata');
    expect(wrapper.get('[data-testid=emotion-cues]').text()).toContain('“!!!” · tanda seru');
  });

  it('says so when no customer message has been read yet', () => {
    const wrapper = mount(EmotionCard, { props: { messages: [message(1, 1)] }, global: { plugins: [createAppI18n('en')] } });
    expect(wrapper.text()).toContain('No customer message read yet.');
  });
});
