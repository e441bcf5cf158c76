import { describe, expect, it, vi } from 'vitest';
import { flushPromises, mount, RouterLinkStub } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import { createAppI18n } from '../../i18n/index.ts';
import TicketListPane from './TicketListPane.vue';
import { useTicketListStore } from './ticket-list.store.ts';

async function setup() {
  const pinia = createPinia();
  setActivePinia(pinia);
  const list = useTicketListStore();
  list.hydrate = vi.fn(async () => undefined);
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/inbox/:view/:ticketId?', name: 'inbox', component: { template: '<div />' } }] });
  await router.push('/inbox/all');
  const wrapper = mount(TicketListPane, {
    props: { filter: { view: 'all', tab: 'open', channel: null }, selectedId: null },
    global: { plugins: [pinia, router, createAppI18n('en')], stubs: { RouterLink: RouterLinkStub } },
    attachTo: document.body,
  });
  return { wrapper, router };
}

describe('the ticket list’s status tabs', () => {
  it('are tabs that move with the arrow keys and filter the list by status', async () => {
    const { wrapper, router } = await setup();
    const open = wrapper.get('[data-testid=status-tab-open]');
    expect(open.attributes('role')).toBe('tab');
    expect(open.attributes('aria-selected')).toBe('true');
    (open.element as HTMLElement).focus();
    await open.trigger('keydown', { key: 'ArrowRight' });
    await flushPromises();
    expect(router.currentRoute.value.query.status).toBe('pending');
    expect(wrapper.get('[data-testid=ticket-list]').attributes('role')).toBe('tabpanel');
    wrapper.unmount();
  });
});
