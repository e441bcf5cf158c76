import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount, RouterLinkStub } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import type { TicketMoveResultDto } from '@keluh/contracts';
import { createAppI18n } from '../../i18n/index.ts';
import { ticket } from '../../test/fixtures.ts';
import TicketMovesBar from './TicketMovesBar.vue';
import { useTicketMovesStore } from './ticket-moves.store.ts';
import { useTicketDetailStore } from './ticket-detail.store.ts';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const move = (id: number, kind: 'merge' | 'split', undoneAt: string | null = null) => ({
  id, kind, sourceTicketId: 1, targetTicketId: 2, messageIds: [5], sourceStatusBefore: 'open' as const, actorUserId: 7, createdAt: '2025-01-06T09:00:00.000Z', undoneAt, undoneByUserId: undoneAt ? 7 : null,
});
const result = (m: ReturnType<typeof move>): TicketMoveResultDto => ({ move: m, source: ticket(1), target: ticket(2) });

function setup(responses: (url: string, init?: RequestInit) => Response) {
  const calls: { url: string; body: unknown }[] = [];
  vi.stubGlobal('fetch', vi.fn(async (url: string, init?: RequestInit) => {
    calls.push({ url, body: init?.body ? JSON.parse(String(init.body)) : null });
    return responses(url, init);
  }));
  const pinia = createPinia();
  setActivePinia(pinia);
  const detail = useTicketDetailStore();
  detail.hydrate = vi.fn(async () => undefined);
  const wrapper = mount(TicketMovesBar, { props: { ticket: ticket(1) }, global: { plugins: [pinia, createAppI18n('en')], stubs: { RouterLink: RouterLinkStub } }, attachTo: document.body });
  return { wrapper, calls, moves: useTicketMovesStore() };
}

async function openMergeMenu(wrapper: ReturnType<typeof mount>): Promise<void> {
  const trigger = wrapper.get('[data-testid=merge-menu]');
  (trigger.element as HTMLElement).focus();
  await trigger.trigger('keydown', { key: 'Enter' });
  await flushPromises();
}

describe('merging and splitting from the ticket view', () => {
  let unmount = () => undefined as void;
  afterEach(() => {
    unmount();
    vi.unstubAllGlobals();
  });

  it('merges into another ticket of the customer, then undoes it from the notice', async () => {
    const { wrapper, calls } = setup((url) => {
      if (url === '/api/tickets/1/merge-targets') return json(200, { items: [{ id: 2, subject: 'Paketnya rusak', status: 'open', lastMessageAt: '2025-01-06T08:00:00.000Z' }] });
      if (url === '/api/tickets/1/merge') return json(200, result(move(9, 'merge')));
      return json(200, result(move(9, 'merge', '2025-01-06T09:05:00.000Z')));
    });
    unmount = () => wrapper.unmount();
    await flushPromises();
    await openMergeMenu(wrapper);
    const target = document.querySelector<HTMLElement>('[data-testid=merge-target][data-ticket-id="2"]')!;
    expect(target.textContent).toContain('Merge into #2');
    target.focus();
    target.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    await flushPromises();
    expect(calls.find((c) => c.url === '/api/tickets/1/merge')?.body).toEqual({ intoTicketId: 2 });
    expect(wrapper.get('[data-testid=move-notice]').text()).toContain('Merged into ticket #2.');

    await wrapper.get('[data-testid=move-undo]').trigger('click');
    await flushPromises();
    expect(calls.at(-1)?.url).toBe('/api/ticket-moves/9/undo');
    expect(wrapper.get('[data-testid=move-notice]').text()).toContain('Undone');
  });

  it('splits only the selected messages, and shows the server’s refusal by its code', async () => {
    const { wrapper, calls, moves } = setup((url) => {
      if (url === '/api/tickets/1/merge-targets') return json(200, { items: [] });
      return json(400, { error: { code: 'ticket.split_all', message: 'all' } });
    });
    unmount = () => wrapper.unmount();
    await flushPromises();
    await wrapper.get('[data-testid=split-start]').trigger('click');
    expect(wrapper.get('[data-testid=split-confirm]').attributes('disabled')).toBeDefined();
    moves.toggle(5);
    moves.toggle(6);
    moves.toggle(6);
    await flushPromises();
    expect(wrapper.get('[data-testid=split-confirm]').text()).toBe('Split 1 into a new ticket');
    await wrapper.get('[data-testid=split-confirm]').trigger('click');
    await flushPromises();
    expect(calls.find((c) => c.url === '/api/tickets/1/split')?.body).toEqual({ messageIds: [5] });
    expect(wrapper.get('[data-testid=move-error]').attributes('data-code')).toBe('ticket.split_all');
    expect(wrapper.get('[data-testid=move-error]').text()).toContain('Leave at least one message on this ticket.');
  });
});
