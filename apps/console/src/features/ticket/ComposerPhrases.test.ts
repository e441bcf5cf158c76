import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import type { PhraseDto } from '@keluh/contracts';
import { createAppI18n } from '../../i18n/index.ts';
import { message, ticket } from '../../test/fixtures.ts';
import { deliveryCategory, workflowSnapshot } from '../../test/workflow.fixtures.ts';
import { useSessionStore } from '../auth/session.store.ts';
import { usePhrasesStore } from '../phrases/phrases.store.ts';
import { useWorkflowStore } from '../workflow/workflow.store.ts';
import KeyboardHost from '../commands/KeyboardHost.vue';
import Composer from './Composer.vue';
import { useTicketDetailStore } from './ticket-detail.store.ts';

const phrase = (id: number, overrides: Partial<PhraseDto>): PhraseDto => ({
  id, key: 'apology', stage: 1, language: 'id', tone: 'neutral', intensity: 'normal', notOurFault: false,
  title: 'Permintaan maaf', body: 'Mohon maaf, {customer_name}.', createdAt: '', updatedAt: '', ...overrides,
});

function setup(options: { orderNumber?: string } = {}) {
  const pinia = createPinia();
  setActivePinia(pinia);
  const detail = useTicketDetailStore();
  detail.detail = {
    ticket: ticket(1, { subject: 'Paket belum sampai' }),
    customer: { id: 1, name: 'Rina Wijaya', type: 'external', characteristic: 'loyal', language: 'id', email: null, phone: null, createdAt: '', updatedAt: '' },
    identities: [], messages: [message(1, 1)], window: { channel: 'whatsapp', state: 'open', closesAt: null }, lastEventId: 1, notes: [], transitions: [], activities: [],
  } as never;
  const workflow = useWorkflowStore();
  workflow.snapshot = workflowSnapshot(1, {
    category: deliveryCategory,
    facts: options.orderNumber ? [{ ticketId: 1, key: 'order_number', value: options.orderNumber, source: 'detected', sourceMessageId: 1, confirmedBy: 7, confirmedAt: '' }] : [],
  });
  useSessionStore().user = { id: 7, name: 'Dewi', email: 'dewi@keluh.test', role: 'agent' } as never;
  const phrases = usePhrasesStore();
  phrases.items = [
    phrase(1, { title: 'Permintaan maaf', body: 'Mohon maaf atas kendala {topic}, {customer_name}. Saya {agent_name} bantu cek pesanan {order_number}.' }),
    phrase(2, { key: 'apology', tone: 'loyal', title: 'Maaf (pelanggan setia)', body: 'Kak {customer_name}, terima kasih sudah setia. Maaf soal {topic}.' }),
    phrase(3, { key: 'ask_order', stage: 2, title: 'Minta nomor pesanan', body: 'Boleh minta nomor pesanannya?' }),
  ];
  phrases.loaded = true;
  phrases.hydrate = vi.fn(async () => undefined);
  const wrapper = mount(Composer, {
    props: { ticketId: 1, channel: 'whatsapp', replyWindow: { channel: 'whatsapp', state: 'open', closesAt: new Date(Date.now() + 3_600_000).toISOString() } },
    global: { plugins: [pinia, createAppI18n('en')] },
    attachTo: document.body,
  });
  // The shell's keyboard host, as the console mounts it beside every page.
  const host = mount(KeyboardHost, { global: { plugins: [pinia, createAppI18n('en')] }, attachTo: document.body });

  const cleanup = () => (host.unmount(), wrapper.unmount());
  return { wrapper, cleanup, input: wrapper.get('[data-testid=composer-input]') };
}

const textOf = (input: { element: Element }) => (input.element as HTMLTextAreaElement).value;
const options = () => [...document.querySelectorAll<HTMLElement>('[data-testid=phrase-option]')];

describe('the phrase bank in the composer', () => {
  let unmount = () => undefined as void;
  beforeEach(() => localStorage.clear());
  afterEach(() => unmount());

  it('opens on / at the start of an empty reply, offering the variant for this customer first', async () => {
    const { input, cleanup } = setup();
    unmount = cleanup;
    await input.trigger('keydown', { key: '/' });
    await flushPromises();
    expect(options().map((o) => o.textContent)).toEqual([
      expect.stringContaining('Maaf (pelanggan setia)'),
      expect.stringContaining('Minta nomor pesanan'),
    ]);
  });

  it('types a / as text once the reply has begun', async () => {
    const { wrapper, input, cleanup } = setup();
    unmount = cleanup;
    await input.setValue('Tanggal 3');
    await input.trigger('keydown', { key: '/' });
    expect(wrapper.find('[data-testid=phrase-picker]').exists()).toBe(false);
  });

  it('filters as the agent types and inserts the phrase with the ticket’s values on Enter', async () => {
    const { wrapper, input, cleanup } = setup({ orderNumber: 'INV-20931' });
    unmount = cleanup;
    await input.trigger('keydown', { key: '/' });
    await flushPromises();
    const filter = document.querySelector<HTMLInputElement>('[data-testid=phrase-filter]')!;
    filter.value = 'nomor';
    filter.dispatchEvent(new Event('input', { bubbles: true }));
    await flushPromises();
    expect(options()).toHaveLength(1);
    filter.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    await flushPromises();
    expect(textOf(input)).toBe('Boleh minta nomor pesanannya?');
    expect(wrapper.find('[data-testid=phrase-picker]').exists()).toBe(false);
  });

  it('fills the customer, topic, agent and order number, and marks a value it does not have', async () => {
    const { input, cleanup } = setup();
    unmount = cleanup;
    usePhrasesStore().items = [phrase(1, { body: 'Mohon maaf atas kendala {topic}, {customer_name}. Saya {agent_name} bantu cek pesanan {order_number}.' })];
    await input.trigger('keydown', { key: '/' });
    await flushPromises();
    document.querySelector<HTMLInputElement>('[data-testid=phrase-filter]')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    await flushPromises();
    expect(textOf(input)).toBe('Mohon maaf atas kendala pengiriman, Rina Wijaya. Saya Dewi bantu cek pesanan [order number].');
  });

  it('Escape leaves the composer so single-key shortcuts work again', async () => {
    const { input, cleanup } = setup();
    unmount = cleanup;
    (input.element as HTMLTextAreaElement).focus();
    expect(document.activeElement).toBe(input.element);
    await input.trigger('keydown', { key: 'Escape' });
    expect(document.activeElement).not.toBe(input.element);
  });

  it('r anywhere outside a field puts the cursor in the reply', async () => {
    const { input, cleanup } = setup();
    unmount = cleanup;
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'r', bubbles: true, cancelable: true }));
    await flushPromises();
    expect(document.activeElement).toBe(input.element);
    expect(textOf(input)).toBe('');
  });

  it('p outside any field opens the phrase bank too (/ there is the search box), and Enter puts the phrase in the reply', async () => {
    const { input, cleanup } = setup();
    unmount = cleanup;
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'p', bubbles: true, cancelable: true }));
    await flushPromises();
    const filter = document.querySelector<HTMLInputElement>('[data-testid=phrase-filter]')!;
    filter.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    await flushPromises();
    expect(textOf(input)).toBe('Kak Rina Wijaya, terima kasih sudah setia. Maaf soal pengiriman.');
    expect(document.activeElement).toBe(input.element);
  });
});
