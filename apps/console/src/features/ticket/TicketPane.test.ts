import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { createAppI18n } from '../../i18n/index.ts';
import { useRealtimeStore } from '../../realtime/realtime.store.ts';
import TicketPane from './TicketPane.vue';
import { useTicketDetailStore } from './ticket-detail.store.ts';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

async function openTicket(answer: Response, locale: 'en' | 'id') {
  vi.stubGlobal('fetch', vi.fn(async () => answer.clone()));
  const pinia = createPinia();
  setActivePinia(pinia);
  useRealtimeStore().subscribe = () => ({ loaded: () => undefined, stop: () => undefined });
  const wrapper = mount(TicketPane, { props: { ticketId: 42 }, global: { plugins: [pinia, createAppI18n(locale)] } });
  await useTicketDetailStore().hydrate(42);
  await flushPromises();
  return wrapper;
}

describe('a ticket the agent may not (or no longer) see', () => {
  afterEach(() => vi.unstubAllGlobals());

  it.each([
    ['en', 'Ticket not available', 'outside your teams'],
    ['id', 'Tiket tidak tersedia', 'di luar tim Anda'],
  ] as const)('says in %s that it is unavailable, perhaps outside their teams, instead of a load failure', async (locale, title, hint) => {
    const wrapper = await openTicket(json(404, { error: { code: 'ticket.not_found', message: 'Ticket 42 does not exist' } }), locale);
    const alert = wrapper.get('[role=alert]');
    expect(alert.text()).toContain(title);
    expect(alert.text()).toContain(hint);
  });

  it('keeps the load-failure wording for other errors', async () => {
    const wrapper = await openTicket(json(500, { error: { code: 'internal', message: 'boom' } }), 'en');
    expect(wrapper.get('[role=alert]').text()).toContain('This ticket could not be loaded.');
  });
});
