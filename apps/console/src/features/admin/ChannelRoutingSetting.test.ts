import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { createAppI18n } from '../../i18n/index.ts';
import MenuSelect from '../../ui/MenuSelect.vue';
import ChannelRoutingSetting from './ChannelRoutingSetting.vue';
import { useAdminStore } from './admin.store.ts';
import { json, requestLog, team } from './admin.fixtures.ts';

describe('where each channel’s new tickets open', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  function setup(stored: Record<string, number>, answer = (body: unknown) => json(200, body)) {
    const fetch = vi.fn(async (_url: string, init?: RequestInit) => (init?.method === 'PUT' ? answer(JSON.parse(String(init.body))) : json(200, { channelTeams: stored })));
    vi.stubGlobal('fetch', fetch);
    setActivePinia(createPinia());
    useAdminStore().teams = [team(1, { name: 'Umum' }), team(2, { name: 'Penjualan' })];
    const wrapper = mount(ChannelRoutingSetting, { global: { plugins: [createAppI18n('id')] } });
    const menu = (channel: string) => wrapper.findAllComponents(MenuSelect).find((select) => select.props('testid') === `routing-${channel}`)!;
    return { fetch, wrapper, menu };
  }

  it('shows each channel on its team or the default team, and saves the whole map when one changes', async () => {
    const { fetch, menu } = setup({ instagram: 2 });
    await flushPromises();
    expect(menu('instagram').props('modelValue')).toBe('2');
    expect(menu('whatsapp').props('modelValue')).toBe('default');
    expect(menu('whatsapp').props('options').map((option: { label: string }) => option.label)).toEqual(['Tim bawaan', 'Umum', 'Penjualan']);
    menu('whatsapp').vm.$emit('update:modelValue', '2');
    await flushPromises();
    expect(requestLog(fetch).at(-1)).toEqual({ call: 'PUT /api/settings/routing', body: { channelTeams: { instagram: 2, whatsapp: 2 } } });
    expect(menu('whatsapp').props('modelValue')).toBe('2');
    menu('instagram').vm.$emit('update:modelValue', 'default');
    await flushPromises();
    expect(requestLog(fetch).at(-1)?.body).toEqual({ channelTeams: { whatsapp: 2 } });
  });

  it('a refused save says why in the console language and keeps what was stored', async () => {
    const { menu, wrapper } = setup({}, () => json(404, { error: { code: 'team.not_found', message: 'Team 2 does not exist' } }));
    await flushPromises();
    menu('webchat').vm.$emit('update:modelValue', '2');
    await flushPromises();
    expect(wrapper.get('[role=alert]').text()).not.toBe('');
    expect(menu('webchat').props('modelValue')).toBe('default');
  });
});
