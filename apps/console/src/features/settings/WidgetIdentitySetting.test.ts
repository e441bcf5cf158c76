import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { createAppI18n } from '../../i18n/index.ts';
import WidgetIdentitySetting from './WidgetIdentitySetting.vue';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('the widget identity key', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it('is fetched only when asked for, and replaced only after a confirmation', async () => {
    const fetch = vi.fn(async (url: string, init?: RequestInit) => (init?.method === 'POST' && url.endsWith('/rotate') ? json(200, { secret: 'new-key' }) : json(200, { secret: 'old-key' })));
    vi.stubGlobal('fetch', fetch);
    setActivePinia(createPinia());
    const wrapper = mount(WidgetIdentitySetting, { global: { plugins: [createAppI18n('en')] } });
    await flushPromises();
    expect(fetch).not.toHaveBeenCalled();
    await wrapper.get('[data-testid="widget-identity-reveal"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="widget-identity-secret"]').text()).toBe('old-key');

    await wrapper.get('[data-testid="widget-identity-rotate"]').trigger('click');
    expect(fetch.mock.calls.some(([url]) => String(url).endsWith('/rotate'))).toBe(false);
    expect(wrapper.text()).toContain('will be refused');
    await wrapper.get('[data-testid="widget-identity-rotate-confirm"]').trigger('click');
    await flushPromises();
    expect(fetch.mock.calls.filter(([url, init]) => String(url).endsWith('/api/settings/widget-identity/rotate') && init?.method === 'POST')).toHaveLength(1);
    expect(wrapper.get('[data-testid="widget-identity-secret"]').text()).toBe('new-key');
    expect(wrapper.text()).toContain('A new key is in use');
  });
});
