import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { computed, defineComponent, h } from 'vue';
import { flushPromises, mount, RouterLinkStub } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import type { IdentityDto, TicketDetailDto } from '@keluh/contracts';
import { createAppI18n } from '../../i18n/index.ts';
import { message, ticket } from '../../test/fixtures.ts';
import { useSessionStore } from '../auth/session.store.ts';
import Composer from './Composer.vue';
import { chosenReply, replyChoices } from './reply-choices.ts';
import { useTemplatesStore } from './templates.store.ts';
import { useTicketDetailStore } from './ticket-detail.store.ts';

const NOW = Date.parse('2025-01-06T09:00:00.000Z');
const HOUR = 3_600_000;
const ago = (ms: number) => new Date(NOW - ms).toISOString();
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const identity = (id: number, channel: IdentityDto['channel'], lastInboundAt: string | null, extra: Partial<IdentityDto> = {}): IdentityDto => ({
  id, customerId: 1, channel, externalId: `${channel}-${id}`, displayName: 'Rina', phone: null, email: null, username: null, verified: false, lastInboundAt, unreachableAt: null, createdAt: ago(48 * HOUR), ...extra,
});

/** Rina wrote on the web chat ten minutes ago; on WhatsApp `waAgo` ago. */
async function setup(waAgo: number) {
  const identities = [identity(11, 'webchat', ago(10 * 60_000)), identity(12, 'whatsapp', ago(waAgo), { phone: '+6281234500011' })];
  const snapshot: TicketDetailDto = {
    ticket: ticket(1, { lastChannel: 'webchat', channel: 'whatsapp' }),
    customer: { id: 1, name: 'Rina', type: 'external', characteristic: 'new', language: 'id', email: null, phone: null, mergedIntoId: null, characteristicSource: 'suggested', characteristicReason: null, createdAt: '', updatedAt: '' },
    identities,
    sla: [],
    messages: [message(1, 1, { channel: 'whatsapp' }), message(2, 1, { channel: 'webchat' })],
    notes: [],
    transitions: [],
    activities: [],
    window: { channel: 'webchat', state: 'none' },
    lastEventId: 10,
  };
  const sent: Record<string, unknown>[] = [];
  vi.stubGlobal('fetch', vi.fn(async (url: string, init?: RequestInit) => {
    if (url === '/api/tickets/1' && !init?.method?.startsWith('P')) return json(200, snapshot);
    if (url === '/api/tickets/1/read') return json(200, snapshot.ticket);
    sent.push(JSON.parse(String(init?.body)));
    return json(201, message(3, 1, { direction: 'out', status: 'queued', channel: 'whatsapp', identityId: 12 }));
  }));
  const pinia = createPinia();
  setActivePinia(pinia);
  useSessionStore().user = { id: 7, email: 'a@keluh.test', name: 'Dewi', role: 'agent', createdAt: '', updatedAt: '' } as never;
  const templates = useTemplatesStore();
  templates.items = [{ name: 'complaint_followup_v2', language: 'id', body: 'Halo {{1}}, tiket {{2}}.' }];
  templates.loaded = true;
  templates.hydrate = vi.fn(async () => undefined);
  const store = useTicketDetailStore();
  await store.hydrate(1);
  // What the ticket pane does: the choices from the detail, the one picked in the store.
  const Pane = defineComponent(() => {
    const choices = computed(() => replyChoices(store.detail!.ticket, store.detail!.identities, store.detail!.window, NOW));
    const chosen = computed(() => chosenReply(choices.value, store.replyIdentityId));
    return () => h(Composer, { ticketId: 1, channel: chosen.value!.channel, replyWindow: chosen.value!.window, language: 'id', choices: choices.value, chosen: chosen.value });
  });
  const wrapper = mount(Pane, { global: { plugins: [pinia, createAppI18n('en')], stubs: { RouterLink: RouterLinkStub } }, attachTo: document.body });
  return { wrapper, store, sent };
}

async function pick(wrapper: ReturnType<typeof mount>, channel: string): Promise<void> {
  const trigger = wrapper.get('[data-testid=reply-channel-picker]');
  (trigger.element as HTMLElement).focus();
  await trigger.trigger('keydown', { key: 'Enter' });
  await flushPromises();
  const option = document.querySelector<HTMLElement>(`[data-testid=reply-channel-option][data-channel=${channel}]`)!;
  option.focus();
  option.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
  await flushPromises();
}

describe('the composer’s channel picker', () => {
  let unmount = () => undefined as void;
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
  });
  afterEach(() => {
    unmount();
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('preselects the identity the customer last wrote from and marks a closed WhatsApp window as template only', async () => {
    const { wrapper } = await setup(30 * HOUR);
    unmount = () => wrapper.unmount();
    const trigger = wrapper.get('[data-testid=reply-channel-picker]');
    expect(trigger.attributes('data-channel')).toBe('webchat');
    expect(trigger.attributes('aria-label')).toBe('Reply via: Web chat · Rina');
    (trigger.element as HTMLElement).focus();
    await trigger.trigger('keydown', { key: 'Enter' });
    await flushPromises();
    const options = [...document.querySelectorAll<HTMLElement>('[data-testid=reply-channel-option]')];
    expect(options.map((o) => [o.dataset.channel, o.dataset.window])).toEqual([['webchat', 'none'], ['whatsapp', 'closed']]);
    expect(options[1]!.textContent).toContain('WhatsApp · +6281234500011');
    expect(options[1]!.querySelector('[data-testid=reply-channel-closed]')?.textContent).toContain('template only');
  });

  it('picking WhatsApp with its window closed turns the composer to the template path', async () => {
    const { wrapper, store } = await setup(30 * HOUR);
    unmount = () => wrapper.unmount();
    expect(wrapper.get('[data-testid=composer]').attributes('data-mode')).toBe('text');
    await pick(wrapper, 'whatsapp');
    expect(store.replyIdentityId).toBe(12);
    expect(wrapper.get('[data-testid=composer]').attributes('data-mode')).toBe('template');
    expect(wrapper.find('[data-testid=template-picker]').exists()).toBe(true);
    expect(wrapper.get('[data-testid=reply-channel-picker]').attributes('aria-label')).toBe('Reply via: WhatsApp · +6281234500011 (window closed)');
  });

  it('a reply typed after picking an open WhatsApp goes out naming that identity', async () => {
    const { wrapper, sent } = await setup(1 * HOUR);
    unmount = () => wrapper.unmount();
    await pick(wrapper, 'whatsapp');
    await wrapper.get('[data-testid=composer-input]').setValue('Kami lanjutkan di WhatsApp ya');
    await wrapper.get('[data-testid=composer-send]').trigger('click');
    await flushPromises();
    expect(sent).toEqual([expect.objectContaining({ body: 'Kami lanjutkan di WhatsApp ya', identityId: 12 })]);
  });
});
