import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount, RouterLinkStub } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import type { ChannelKind } from '@keluh/core';
import type { WindowStateDto } from '@keluh/contracts';
import { createAppI18n } from '../../i18n/index.ts';
import { message } from '../../test/fixtures.ts';
import { useSessionStore } from '../auth/session.store.ts';
import { useChannelsStore } from '../settings/channels.store.ts';
import Composer from './Composer.vue';
import { useTemplatesStore } from './templates.store.ts';
import { useTicketDetailStore } from './ticket-detail.store.ts';

const NOW = Date.parse('2025-01-06T09:00:00.000Z');
const HOUR = 3_600_000;
const followUp = [
  { name: 'complaint_followup_v2', language: 'en', body: 'Hi {{1}}, we are following up on your complaint ({{2}}).' },
  { name: 'complaint_followup_v2', language: 'id', body: 'Halo {{1}}, kami menindaklanjuti keluhan Anda ({{2}}).' },
];

function setup(channel: ChannelKind, replyWindow: WindowStateDto, options: { templates?: typeof followUp; role?: 'admin' | 'agent' } = {}) {
  const pinia = createPinia();
  setActivePinia(pinia);
  const store = useTicketDetailStore();
  const sendTemplate = vi.fn(async () => message(9, 1, { direction: 'out', status: 'queued' }));
  store.sendTemplate = sendTemplate;
  const templates = useTemplatesStore();
  templates.items = options.templates ?? followUp;
  templates.loaded = true;
  templates.hydrate = vi.fn(async () => undefined);
  const session = useSessionStore();
  session.user = { id: 1, email: 'a@keluh.test', name: 'A', role: options.role ?? 'agent', createdAt: '', updatedAt: '' } as never;
  const wrapper = mount(Composer, {
    props: { ticketId: 1, channel, replyWindow, language: 'id' },
    global: { plugins: [pinia, createAppI18n('en')], stubs: { RouterLink: RouterLinkStub } },
  });
  return { wrapper, sendTemplate };
}

const open = (channel: 'whatsapp' | 'instagram', closesIn: number): WindowStateDto => ({ channel, state: 'open', closesAt: new Date(NOW + closesIn).toISOString() });

describe('the composer and the channel’s reply window', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(NOW);
  });
  afterEach(() => vi.useRealTimers());

  it('counts down the open window and turns amber in the last two hours', async () => {
    const { wrapper } = setup('whatsapp', open('whatsapp', 5 * HOUR + 12 * 60_000 + 30_000));
    const status = wrapper.get('[data-testid=window-status]');
    expect(status.attributes('data-state')).toBe('open');
    expect(status.attributes('data-level')).toBe('ok');
    expect(status.text()).toContain('closes in 5h 12m');

    vi.advanceTimersByTime(3 * HOUR + 30_000);
    await flushPromises();
    expect(wrapper.get('[data-testid=window-status]').text()).toContain('closes in 2h 12m');
    vi.advanceTimersByTime(30 * 60_000);
    await flushPromises();
    expect(wrapper.get('[data-testid=window-status]').attributes('data-level')).toBe('warn');
  });

  it('switches to the template picker when the WhatsApp window closes on screen', async () => {
    const { wrapper } = setup('whatsapp', open('whatsapp', 60_000));
    expect(wrapper.find('[data-testid=template-picker]').exists()).toBe(false);
    vi.advanceTimersByTime(90_000);
    await flushPromises();
    expect(wrapper.find('[data-testid=template-picker]').exists()).toBe(true);
    expect(wrapper.get('[data-testid=window-status]').attributes('data-state')).toBe('closed');
  });

  it('offers approved templates in the customer’s language with a live preview, and sends one', async () => {
    const { wrapper, sendTemplate } = setup('whatsapp', { channel: 'whatsapp', state: 'closed', closedAt: new Date(NOW - HOUR).toISOString() });
    expect(wrapper.get('[data-testid=window-explanation]').text()).toContain('WhatsApp only allows approved templates until they write again');
    expect(wrapper.findAll('[data-testid=template-option]')).toHaveLength(2);
    expect(wrapper.get('[data-testid=template-option][aria-selected=true]').attributes('data-language')).toBe('id');

    const send = wrapper.get('[data-testid=template-send]');
    const params = wrapper.findAll('[data-testid=template-param]');
    expect(params).toHaveLength(2);
    await params[0]!.setValue('Rina');
    expect(wrapper.get('[data-testid=template-preview]').text()).toBe('Halo Rina, kami menindaklanjuti keluhan Anda ({{2}}).');
    expect(send.attributes('disabled')).toBeDefined();
    await params[1]!.setValue(' #1042 ');
    await send.trigger('click');
    await flushPromises();
    expect(sendTemplate).toHaveBeenCalledWith({ name: 'complaint_followup_v2', language: 'id', parameters: ['Rina', '#1042'] });
    expect((params[0]!.element as HTMLInputElement).value).toBe('');
  });

  it('says when no templates are configured, and points admins to the settings', async () => {
    const agent = setup('whatsapp', { channel: 'whatsapp', state: 'closed', closedAt: null }, { templates: [] });
    expect(agent.wrapper.get('[data-testid=template-none]').text()).toContain('Ask an admin');
    const admin = setup('whatsapp', { channel: 'whatsapp', state: 'closed', closedAt: null }, { templates: [], role: 'admin' });
    expect(admin.wrapper.getComponent(RouterLinkStub).props('to')).toEqual({ name: 'settings-channels' });
  });

  it('shows the Instagram human agent window in days', () => {
    const { wrapper } = setup('instagram', { channel: 'instagram', state: 'human_agent', closesAt: new Date(NOW + 3 * 24 * HOUR + HOUR).toISOString() });
    const status = wrapper.get('[data-testid=window-status]');
    expect(status.attributes('data-state')).toBe('human_agent');
    expect(status.text()).toContain('Human agent window · 3 days left');
    expect(wrapper.find('[data-testid=composer-send]').exists()).toBe(true);
  });

  it('disables the composer once the Instagram window is closed, and says why', () => {
    const { wrapper } = setup('instagram', { channel: 'instagram', state: 'closed', closedAt: null });
    expect(wrapper.get('[data-testid=composer-input]').attributes('disabled')).toBeDefined();
    expect(wrapper.find('[data-testid=composer-send]').exists()).toBe(false);
    expect(wrapper.find('[data-testid=template-picker]').exists()).toBe(false);
    expect(wrapper.text()).toContain('Instagram does not allow replies until they write again');
  });

  it('counts Instagram replies in bytes', async () => {
    const { wrapper } = setup('instagram', open('instagram', 10 * HOUR));
    await wrapper.get('[data-testid=composer-input]').setValue('😀'.repeat(240));
    const counter = wrapper.get('[data-testid=composer-counter]');
    expect(counter.text()).toBe('960 / 1000 bytes');
    await wrapper.get('[data-testid=composer-input]').setValue('😀'.repeat(251));
    expect(wrapper.get('[data-testid=composer-send]').attributes('disabled')).toBeDefined();
  });

  it('shows no window for web chat', () => {
    const { wrapper } = setup('webchat', { channel: 'webchat', state: 'none' });
    expect(wrapper.find('[data-testid=window-status]').exists()).toBe(false);
  });
});

describe('a channel that needs reconnecting', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(NOW);
  });
  afterEach(() => vi.useRealTimers());

  it('warns that replies will wait in the queue', async () => {
    const { wrapper } = setup('whatsapp', open('whatsapp', 10 * HOUR));
    expect(wrapper.find('[data-testid=composer-channel-alert]').exists()).toBe(false);
    useChannelsStore().items = [
      { kind: 'whatsapp', settings: {}, status: 'reconnect_needed', statusReason: 'token expired', webhookUrl: '', updatedAt: '2025-01-06T09:00:00.000Z' },
    ];
    await flushPromises();
    expect(wrapper.get('[data-testid=composer-channel-alert]').text()).toContain('WhatsApp needs reconnecting');
  });
});
