import { beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { ApiError } from '../../api/http.ts';
import { createAppI18n } from '../../i18n/index.ts';
import { message } from '../../test/fixtures.ts';
import Composer from './Composer.vue';
import { useTicketDetailStore } from './ticket-detail.store.ts';

function setup() {
  const pinia = createPinia();
  setActivePinia(pinia);
  const store = useTicketDetailStore();
  const send = vi.fn(async (body: string) => message(1, 1, { body, direction: 'out', status: 'queued' }));
  store.send = send;
  const replyWindow = { channel: 'whatsapp' as const, state: 'open' as const, closesAt: new Date(Date.now() + 5 * 3_600_000).toISOString() };
  const wrapper = mount(Composer, { props: { ticketId: 1, channel: 'whatsapp', replyWindow }, global: { plugins: [pinia, createAppI18n('en')] } });
  return { wrapper, send, input: wrapper.get('[data-testid=composer-input]'), button: wrapper.get('[data-testid=composer-send]') };
}

describe('the reply composer', () => {
  beforeEach(() => localStorage.clear());

  it('cannot send an empty or blank reply', async () => {
    const { input, button, send } = setup();
    expect(button.attributes('disabled')).toBeDefined();
    await input.setValue('   ');
    await input.trigger('keydown', { key: 'Enter' });
    expect(button.attributes('disabled')).toBeDefined();
    expect(send).not.toHaveBeenCalled();
  });

  it('sends on Enter and clears the draft', async () => {
    const { input, send } = setup();
    await input.setValue('Mohon maaf atas keterlambatannya');
    await input.trigger('keydown', { key: 'Enter' });
    await flushPromises();
    expect(send).toHaveBeenCalledWith('Mohon maaf atas keterlambatannya');
    expect((input.element as HTMLTextAreaElement).value).toBe('');
  });

  it('keeps Shift+Enter for a new line', async () => {
    const { input, send } = setup();
    await input.setValue('Baris satu');
    await input.trigger('keydown', { key: 'Enter', shiftKey: true });
    expect(send).not.toHaveBeenCalled();
  });

  it('shows the refusal with its code and keeps the draft', async () => {
    const { wrapper, input, send } = setup();
    send.mockRejectedValueOnce(new ApiError('channel.window_closed', 409, 'closed'));
    await input.setValue('Halo');
    await input.trigger('keydown', { key: 'Enter' });
    await flushPromises();
    const error = wrapper.get('[data-testid=composer-error]');
    expect(error.attributes('data-code')).toBe('channel.window_closed');
    expect(error.text()).toContain('reply window has closed');
    expect((input.element as HTMLTextAreaElement).value).toBe('Halo');
  });

  it('counts characters near the limit and refuses past it', async () => {
    const { wrapper, input, button } = setup();
    await input.setValue('a'.repeat(100));
    expect(wrapper.find('[data-testid=composer-counter]').exists()).toBe(false);
    await input.setValue('a'.repeat(4000));
    expect(wrapper.get('[data-testid=composer-counter]').text()).toContain('4000 / 4096');
    await input.setValue('a'.repeat(4097));
    expect(button.attributes('disabled')).toBeDefined();
  });
});
