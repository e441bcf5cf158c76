import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import { h } from 'vue';
import type { CustomerProfileDto } from '@keluh/contracts';
import { createAppI18n } from '../../i18n/index.ts';
import CustomerProfilePage from './CustomerProfilePage.vue';
import CustomerProfileView from './CustomerProfileView.vue';

const at = '2026-11-20T08:00:00.000Z';
const identity = (id: number, over: Partial<CustomerProfileDto['identities'][number]>) => ({
  id, customerId: 5, channel: 'webchat' as const, externalId: `ext-${id}`, displayName: null, phone: null, email: null, username: null, verified: false, lastInboundAt: at, unreachableAt: null, createdAt: at, ...over,
});
const ticketRow = (id: number, channels: CustomerProfileDto['tickets'][number]['channels']) => ({
  id, customerId: 5, subject: `Tiket ${id}`, status: 'open' as const, stage: 2 as const, priority: 'normal' as const, assigneeId: null, teamId: 1, channel: channels[0]!, lastChannel: channels.at(-1)!,
  unreadCount: 0, lastMessageAt: at, lastMessagePreview: 'x', lastInboundAt: at, firstResponseAt: null, resolvedAt: null, previousTicketId: null, mergedIntoTicketId: null, version: 1, createdAt: at, updatedAt: at, channels,
});
const def = (key: string, type: 'text' | 'number' | 'date' | 'boolean' | 'choice', choices: string[] = []) => ({ key, label: key.toUpperCase(), type, choices, position: 0, createdAt: at, updatedAt: at });

const profile: CustomerProfileDto = {
  customer: {
    id: 5, name: 'Rina Wulandari', type: 'external', characteristic: 'thrifty', characteristicSource: 'suggested', characteristicReason: { rule: 'price_talk', cues: ['diskon', 'promo'] },
    language: 'en', email: null, phone: '+6281234567890', mergedIntoId: null, createdAt: at, updatedAt: at,
  },
  identities: [
    identity(1, { channel: 'whatsapp', externalId: '6281234567890', phone: '+6281234567890', verified: true }),
    identity(2, { channel: 'instagram', externalId: '17841400999', username: 'rina.wulan', displayName: 'Rina' }),
  ],
  tickets: [ticketRow(12, ['webchat', 'whatsapp']), ticketRow(4, ['instagram'])],
  csat: [{ reviewId: 3, ticketId: 4, channel: 'instagram', score: 4, comment: 'Cepat', ratedAt: at }],
  notes: [{ id: 1, customerId: 5, authorUserId: 7, authorName: 'Dewi', body: 'Reseller di Medan', createdAt: at }],
  attributes: [{ def: def('tier', 'choice', ['gold', 'silver']), value: 'gold' }, { def: def('orders', 'number'), value: null }, { def: def('vip', 'boolean'), value: false }],
};

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

async function setup(answer: (url: URL, init: RequestInit) => Response, locale: 'en' | 'id' = 'en') {
  // The merge history panel the page hosts asks for its own list: none here (MergeHistory.test.ts covers it).
  const fetch = vi.fn(async (url: string, init: RequestInit = {}) => {
    const parsed = new URL(url, 'http://desk.test');
    return parsed.pathname.endsWith('/history') ? json(200, { items: [] }) : answer(parsed, init);
  });
  vi.stubGlobal('fetch', fetch);
  const pinia = createPinia();
  setActivePinia(pinia);
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/customers/:id', name: 'customer-profile', component: CustomerProfilePage },
      { path: '/inbox/:view/:ticketId?', name: 'inbox', component: { render: () => null } },
    ],
  });
  await router.push('/customers/5');
  const wrapper = mount(CustomerProfilePage, { attachTo: document.body, global: { plugins: [pinia, router, createAppI18n(locale)] } });
  await flushPromises();
  return { fetch, wrapper };
}

describe('the customer profile page', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it('shows identities by E.164 number and @handle with verified marks, tickets with all their channels, ratings, notes and attributes', async () => {
    const { wrapper, fetch } = await setup(() => json(200, profile));
    expect(new URL(fetch.mock.calls[0]![0], 'http://desk.test').pathname).toBe('/api/customers/5/profile');
    expect(wrapper.get('[data-testid=profile-name]').text()).toBe('Rina Wulandari');
    expect(wrapper.get('[data-testid=profile-language]').text()).toContain('English');
    expect(wrapper.get('[data-testid=profile-characteristic-source]').text()).toBe('Suggested: talked about price (diskon, promo)');
    const identities = wrapper.findAll('[data-testid=identity-label]').map((label) => label.text());
    expect(identities).toEqual(['+6281234567890', '@rina.wulan']);
    expect(wrapper.findAll('[data-testid=identity-verified]')).toHaveLength(1);
    const tickets = wrapper.findAll('[data-testid=profile-tickets] li');
    expect(tickets.map((row) => row.attributes('data-ticket-id'))).toEqual(['12', '4']);
    expect(tickets[0]!.findAll('[data-testid=ticket-channels] svg')).toHaveLength(2);
    expect(wrapper.get('[data-testid=profile-csat] [data-score]').attributes('data-score')).toBe('4');
    expect(wrapper.get('[data-testid=profile-notes]').text()).toContain('Reseller di Medan');
    expect((wrapper.get('[data-testid=attr-tier]').element as HTMLSelectElement).value).toBe('gold');
  });

  it('saves the attributes with their types, and explains a refused value in Bahasa Indonesia', async () => {
    const sent: unknown[] = [];
    const { wrapper } = await setup((url, init) => {
      if (init.method === 'PATCH') {
        sent.push(JSON.parse(String(init.body)));
        return json(400, { error: { code: 'customer.attribute_invalid', message: 'orders: expected a number' } });
      }
      return json(200, profile);
    }, 'id');
    await wrapper.get('[data-testid=attr-orders]').setValue('12');
    await wrapper.get('[data-testid=attr-vip]').setValue(true);
    await wrapper.get('[data-testid=profile-attributes]').trigger('submit');
    await flushPromises();
    expect(sent).toEqual([{ attributes: { tier: 'gold', orders: 12, vip: true } }]);
    const error = wrapper.get('[data-testid=profile-attributes-error]');
    expect(error.attributes('data-code')).toBe('customer.attribute_invalid');
    expect(error.text()).toBe('Nilai itu tidak sesuai tipe atributnya.');
  });

  it('a customer outside the user’s teams is reported as not found', async () => {
    const { wrapper } = await setup(() => json(404, { error: { code: 'customer.not_found', message: 'Customer 5 does not exist' } }));
    expect(wrapper.get('[data-testid=profile-error]').attributes('data-code')).toBe('customer.not_found');
  });

  it('mounts the merge history only where the page provides it, under the heading the history brings', () => {
    const i18n = createAppI18n('en');
    const stubs = { RouterLink: { render: () => null } };
    const plain = mount(CustomerProfileView, { props: { profile, save: vi.fn(), addNote: vi.fn() }, global: { plugins: [i18n], stubs } });
    expect(plain.find('[data-testid=profile-merge-history]').exists()).toBe(false);
    const withHistory = mount(CustomerProfileView, {
      props: { profile, save: vi.fn(), addNote: vi.fn() },
      slots: { 'merge-history': ({ customerId }: { customerId: number }) => h('p', `history of ${customerId}`) },
      global: { plugins: [i18n], stubs },
    });
    expect(withHistory.get('[data-testid=profile-merge-history]').text()).toBe('history of 5');
  });
});
