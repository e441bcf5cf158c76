import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import type { TicketViewer } from '@keluh/contracts';
import { createAppI18n } from '../../i18n/index.ts';
import TicketViewers from './TicketViewers.vue';

const viewer = (userId: number, name: string, typing = false): TicketViewer => ({ userId, name, typing, since: '2026-03-02T03:00:00.000Z' });
const render = (viewers: TicketViewer[], language: 'id' | 'en') => mount(TicketViewers, { props: { viewers }, global: { plugins: [createAppI18n(language)] } });

describe('who else is on the ticket', () => {
  it('says in Bahasa Indonesia that Maya is viewing too', () => {
    const wrapper = render([viewer(9, 'Maya')], 'id');
    expect(wrapper.get('[data-testid=viewers-viewing]').text()).toBe('Maya juga melihat');
    expect(wrapper.find('[data-testid=viewers-typing]').exists()).toBe(false);
    expect(wrapper.get('[data-testid=viewer-9]').text()).toBe('MA');
  });

  it('says in English who is typing apart from who is only viewing', () => {
    const wrapper = render([viewer(9, 'Maya', true), viewer(3, 'Sari Dewi'), viewer(4, 'Budi')], 'en');
    expect(wrapper.get('[data-testid=viewers-viewing]').text()).toBe('Sari Dewi and Budi are viewing');
    expect(wrapper.get('[data-testid=viewers-typing]').text()).toBe('Maya is typing…');
    expect(wrapper.get('[data-testid=viewer-9]').attributes('data-typing')).toBe('true');
  });

  it('names two typists in Bahasa Indonesia', () => {
    expect(render([viewer(9, 'Maya', true), viewer(3, 'Sari', true)], 'id').get('[data-testid=viewers-typing]').text()).toBe('Maya dan Sari sedang mengetik…');
  });

  it('keeps its place and shows nothing when the agent is alone', () => {
    const wrapper = render([], 'en');
    expect(wrapper.get('[data-testid=ticket-viewers]').text()).toBe('');
    expect(wrapper.get('[data-testid=ticket-viewers]').classes()).toContain('h-6');
  });
});
