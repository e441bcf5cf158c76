import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { createAppI18n } from '../../i18n/index.ts';
import ReopenWindowSetting from './ReopenWindowSetting.vue';
import { json } from './admin.fixtures.ts';

describe('the reopen window setting', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  function mountWith(fetch: ReturnType<typeof vi.fn>) {
    vi.stubGlobal('fetch', fetch);
    setActivePinia(createPinia());
    return mount(ReopenWindowSetting, { global: { plugins: [createAppI18n('id')] } });
  }

  it('shows the stored days and saves a change', async () => {
    const fetch = vi.fn(async (_url: string, init?: RequestInit) => (init?.method === 'PUT' ? json(200, JSON.parse(String(init.body))) : json(200, { reopenDays: 3 })));
    const wrapper = mountWith(fetch);
    await flushPromises();
    const input = wrapper.get<HTMLInputElement>('[data-testid="reopen-days"]');
    expect(input.element.value).toBe('3');
    expect(wrapper.get('[data-testid="reopen-save"]').attributes('disabled')).toBeDefined();
    await input.setValue('7');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    const put = fetch.mock.calls.find(([, init]) => init?.method === 'PUT');
    expect(put?.[0]).toContain('/api/settings/threading');
    expect(JSON.parse(String(put?.[1]?.body))).toEqual({ reopenDays: 7 });
    expect(wrapper.get('[data-testid="reopen-saved"]').text()).toContain('7 hari');
  });

  it('refuses a value outside core\'s range before asking the server', async () => {
    const fetch = vi.fn(async (_url: string, init?: RequestInit) =>
      init?.method === 'PUT' ? json(200, JSON.parse(String(init.body))) : json(200, { reopenDays: 3 }),
    );
    const wrapper = mountWith(fetch);
    await flushPromises();
    const input = wrapper.get<HTMLInputElement>('[data-testid="reopen-days"]');
    for (const bad of ['400', '-1', '2.5', '']) {
      await input.setValue(bad);
      expect(wrapper.get('[data-testid="reopen-save"]').attributes('disabled'), bad).toBeDefined();
      expect(wrapper.text()).toContain('dari 0 sampai 365');
    }
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(fetch.mock.calls.some(([, init]) => init?.method === 'PUT')).toBe(false);
  });
});
