import { beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { ApiError } from '../../api/http.ts';
import { createAppI18n } from '../../i18n/index.ts';
import { message } from '../../test/fixtures.ts';
import Composer from './Composer.vue';
import { useTicketDetailStore } from './ticket-detail.store.ts';

const collision = () =>
  new ApiError('reply.collision', 409, 'Maya replied', {
    messageId: 41,
    authorUserId: 9,
    authorName: 'Maya',
    sentAt: new Date(Date.now() - 12_000).toISOString(),
    preview: 'Mohon maaf, paketnya kami kirim ulang hari ini.',
  });

function setup(language: 'id' | 'en') {
  const pinia = createPinia();
  setActivePinia(pinia);
  const store = useTicketDetailStore();
  const send = vi.fn(async (body: string, _options?: { force?: boolean }) => message(2, 1, { body, direction: 'out', status: 'queued' }));
  store.send = send;
  const replyWindow = { channel: 'whatsapp' as const, state: 'open' as const, closesAt: new Date(Date.now() + 5 * 3_600_000).toISOString() };
  const wrapper = mount(Composer, { props: { ticketId: 1, channel: 'whatsapp', replyWindow }, global: { plugins: [pinia, createAppI18n(language)] }, attachTo: document.body });
  return { wrapper, send, input: wrapper.get('[data-testid=composer-input]') };
}

const dialog = () => document.querySelector<HTMLElement>('[data-testid=reply-collision]');

describe('sending a reply another agent just answered', () => {
  beforeEach(() => {
    localStorage.clear();
    document.body.innerHTML = '';
  });

  it('shows in Bahasa Indonesia who replied, how long ago and what, and sends nothing yet', async () => {
    const { send, input, wrapper } = setup('id');
    send.mockRejectedValueOnce(collision());
    await input.setValue('Halo, saya bantu cek ya.');
    await input.trigger('keydown', { key: 'Enter' });
    await flushPromises();
    expect(dialog()?.querySelector('[data-testid=reply-collision-when]')?.textContent?.trim()).toBe('Maya membalas 12 detik lalu:');
    expect(dialog()?.querySelector('[data-testid=reply-collision-message]')?.textContent?.trim()).toBe('Mohon maaf, paketnya kami kirim ulang hari ini.');
    expect(send).toHaveBeenCalledTimes(1);
    expect(wrapper.find('[data-testid=composer-error]').exists()).toBe(false);
    wrapper.unmount();
  });

  it('sends the same reply with force on "Send anyway" and clears the draft', async () => {
    const { send, input, wrapper } = setup('en');
    send.mockRejectedValueOnce(collision());
    await input.setValue('Halo, saya bantu cek ya.');
    await input.trigger('keydown', { key: 'Enter' });
    await flushPromises();
    dialog()!.querySelector<HTMLButtonElement>('[data-testid=reply-collision-send]')!.click();
    await flushPromises();
    expect(send).toHaveBeenLastCalledWith('Halo, saya bantu cek ya.', { force: true });
    expect(dialog()).toBeNull();
    expect((input.element as HTMLTextAreaElement).value).toBe('');
    wrapper.unmount();
  });

  it('keeps the draft to rework on Cancel, and sends nothing', async () => {
    const { send, input, wrapper } = setup('en');
    send.mockRejectedValueOnce(collision());
    await input.setValue('Halo, saya bantu cek ya.');
    await input.trigger('keydown', { key: 'Enter' });
    await flushPromises();
    expect(dialog()?.textContent).toContain('Maya replied 12 seconds ago:');
    dialog()!.querySelector<HTMLButtonElement>('[data-testid=reply-collision-cancel]')!.click();
    await flushPromises();
    expect(dialog()).toBeNull();
    expect(send).toHaveBeenCalledTimes(1);
    expect((input.element as HTMLTextAreaElement).value).toBe('Halo, saya bantu cek ya.');
    wrapper.unmount();
  });
});
