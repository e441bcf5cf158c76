import { beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { ApiError, CLIENT_ERROR_CODES } from '../../api/http.ts';
import { createAppI18n } from '../../i18n/index.ts';
import { useRealtimeStore } from '../../realtime/realtime.store.ts';
import { message } from '../../test/fixtures.ts';
import Composer from './Composer.vue';
import { useTicketDetailStore } from './ticket-detail.store.ts';

const replyWindow = { channel: 'whatsapp' as const, state: 'open' as const, closesAt: new Date(Date.now() + 5 * 3_600_000).toISOString() };

/** A fresh page: a new pinia reads the drafts from localStorage, as a reload would. */
function page(ticketId = 1) {
  const pinia = createPinia();
  setActivePinia(pinia);
  const realtime = useRealtimeStore();
  realtime.state = 'connected';
  const store = useTicketDetailStore();
  const send = vi.fn(async (body: string) => message(5, ticketId, { body, direction: 'out', status: 'queued' }));
  store.send = send;
  const wrapper = mount(Composer, { props: { ticketId, channel: 'whatsapp', replyWindow }, global: { plugins: [pinia, createAppI18n('en')] } });
  return { wrapper, send, realtime, input: wrapper.get('[data-testid=composer-input]') };
}

describe('the composer while the connection is lost', () => {
  beforeEach(() => localStorage.clear());

  it('keeps an unsent draft per ticket across a reload', async () => {
    const first = page(1);
    await first.input.setValue('Mohon maaf, kami cek dulu');
    first.wrapper.unmount();
    const other = page(2);
    expect((other.input.element as HTMLTextAreaElement).value).toBe('');
    other.wrapper.unmount();
    const again = page(1);
    expect((again.input.element as HTMLTextAreaElement).value).toBe('Mohon maaf, kami cek dulu');
  });

  it('says so, keeps what was sent offline and sends it once the connection is back', async () => {
    const { wrapper, send, realtime, input } = page();
    realtime.state = 'reconnecting';
    await flushPromises();
    expect(wrapper.get('[data-testid=composer-offline]').text()).toContain('You are offline');
    await input.setValue('Pesanan Anda sedang kami cek');
    await input.trigger('keydown', { key: 'Enter' });
    await flushPromises();
    expect(send).not.toHaveBeenCalled();
    expect(wrapper.get('[data-testid=composer-pending]').text()).toBe('One reply waiting to send');
    expect((input.element as HTMLTextAreaElement).value).toBe('');

    realtime.state = 'connected';
    await flushPromises();
    expect(send).toHaveBeenCalledExactlyOnceWith('Pesanan Anda sedang kami cek');
    expect(wrapper.find('[data-testid=composer-offline]').exists()).toBe(false);
  });

  it('queues a reply lost on the way instead of dropping it', async () => {
    const { wrapper, send, input } = page();
    send.mockRejectedValueOnce(new ApiError(CLIENT_ERROR_CODES.network, 0));
    await input.setValue('Halo');
    await input.trigger('keydown', { key: 'Enter' });
    await flushPromises();
    expect(wrapper.get('[data-testid=composer-pending]').text()).toBe('One reply waiting to send');
    expect(wrapper.find('[data-testid=composer-error]').exists()).toBe(false);
  });

  it('puts a reply refused on resend back in the draft, with the refusal translated', async () => {
    const first = page();
    first.realtime.state = 'reconnecting';
    await first.input.setValue('Halo lagi');
    await first.input.trigger('keydown', { key: 'Enter' });
    await flushPromises();
    first.send.mockRejectedValueOnce(new ApiError('channel.window_closed', 409));
    first.realtime.state = 'connected';
    await flushPromises();
    expect((first.input.element as HTMLTextAreaElement).value).toBe('Halo lagi');
    expect(first.wrapper.get('[data-testid=composer-error]').attributes('data-code')).toBe('channel.window_closed');
  });
});

describe('replies waiting on tickets the agent has left', () => {
  beforeEach(() => localStorage.clear());

  it('are sent when the connection is back, even with another ticket open', async () => {
    const first = page(1);
    first.realtime.state = 'reconnecting';
    await first.input.setValue('Untuk tiket satu');
    await first.input.trigger('keydown', { key: 'Enter' });
    await flushPromises();
    first.wrapper.unmount();

    const fetch = vi.fn(async () => new Response(JSON.stringify(message(8, 1, { direction: 'out' })), { status: 201, headers: { 'content-type': 'application/json' } }));
    vi.stubGlobal('fetch', fetch);
    const other = page(2);
    other.realtime.state = 'reconnecting';
    await flushPromises();
    other.realtime.state = 'connected';
    await flushPromises();
    expect(fetch).toHaveBeenCalledWith('/api/tickets/1/messages', expect.objectContaining({ method: 'POST', body: JSON.stringify({ body: 'Untuk tiket satu' }) }));
    expect(other.send).not.toHaveBeenCalled();
    vi.unstubAllGlobals();
  });
});
