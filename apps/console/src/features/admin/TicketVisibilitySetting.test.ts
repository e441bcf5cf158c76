import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { createAppI18n } from '../../i18n/index.ts';
import TicketVisibilitySetting from './TicketVisibilitySetting.vue';
import { json } from './admin.fixtures.ts';

describe('the ticket visibility switch', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it('shows the stored setting and saves the flip an admin makes', async () => {
    const fetch = vi.fn(async (_url: string, init?: RequestInit) => (init?.method === 'PUT' ? json(200, JSON.parse(String(init.body))) : json(200, { agentsOwnAndUnassigned: false })));
    vi.stubGlobal('fetch', fetch);
    setActivePinia(createPinia());
    const wrapper = mount(TicketVisibilitySetting, { global: { plugins: [createAppI18n('id')] } });
    await flushPromises();
    const toggle = wrapper.get<HTMLInputElement>('[data-testid="ticket-visibility-toggle"]');
    expect(toggle.element.checked).toBe(false);
    expect(wrapper.text()).toContain('Agen hanya melihat tiket miliknya');
    await toggle.setValue(true);
    await flushPromises();
    const put = fetch.mock.calls.find(([, init]) => init?.method === 'PUT');
    expect(put?.[0]).toContain('/api/settings/tickets');
    expect(JSON.parse(String(put?.[1]?.body))).toEqual({ agentsOwnAndUnassigned: true });
    expect(toggle.element.checked).toBe(true);
  });
});
