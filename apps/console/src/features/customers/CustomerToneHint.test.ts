import { describe, expect, it } from 'vitest';
import { mount, RouterLinkStub } from '@vue/test-utils';
import { createAppI18n } from '../../i18n/index.ts';
import CustomerToneHint from './CustomerToneHint.vue';

const render = (locale: 'en' | 'id') =>
  mount(CustomerToneHint, {
    props: { customer: { id: 5, name: 'Budi', type: 'intermediary', characteristic: 'thrifty', language: 'en' } },
    global: { plugins: [createAppI18n(locale)], stubs: { RouterLink: RouterLinkStub } },
  });

describe('the customer on the ticket header', () => {
  it('shows the type, the characteristic and how to pitch the reply, with a link to the profile', () => {
    const header = render('en');
    expect(header.text()).toContain('Intermediary');
    expect(header.text()).toContain('Thrifty');
    expect(header.get('[data-testid=ticket-tone-hint]').text()).toBe('Value-minded: be precise about costs, refunds and what is covered.');
    expect(header.getComponent(RouterLinkStub).props('to')).toEqual({ name: 'customer-profile', params: { id: 5 } });
  });

  it('says it in Bahasa Indonesia', () => {
    const header = render('id');
    expect(header.text()).toContain('Hemat');
    expect(header.get('[data-testid=ticket-tone-hint]').text()).toContain('Memperhatikan nilai');
    expect(header.text()).toContain('Buka profil');
  });
});
