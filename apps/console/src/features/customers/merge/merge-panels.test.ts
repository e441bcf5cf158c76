import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import type { AgentEvent, MergeHistoryEntryDto, TicketSuggestionDto } from '@keluh/contracts';
import { createAppI18n } from '../../../i18n/index.ts';
import type { LiveConsumer } from '../../../realtime/live-consumers.ts';
import { useRealtimeStore } from '../../../realtime/realtime.store.ts';
import MergeHistory from './MergeHistory.vue';
import SuggestionBanner from './SuggestionBanner.vue';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
type Route = (url: URL, init?: RequestInit) => Response;

const suggestion = (overrides: Partial<TicketSuggestionDto> = {}): TicketSuggestionDto => ({
  id: 7, ticketId: 21, customerId: 5, candidateId: 3, candidateName: 'Sari Dewi', reason: 'phone_in_message', evidence: { value: '+6281234567890', messageId: 40 },
  state: 'pending', decidedByUserId: null, decidedAt: null, createdAt: '2026-03-02T08:00:00.000Z', ...overrides,
});
const entry = (overrides: Partial<MergeHistoryEntryDto['merge']> = {}): MergeHistoryEntryDto => ({
  merge: {
    id: 11, survivorId: 3, mergedId: 5, reason: 'suggestion', evidence: { suggestionId: 7 }, actorUserId: 2, moved: { identityIds: [9], ticketIds: [21], folded: null },
    createdAt: '2026-03-02T08:05:00.000Z', undoneAt: null, undoneByUserId: null, ...overrides,
  },
  survivorName: 'Sari Dewi', mergedName: '@sari.dewi', actorName: 'Dewi', undoneByName: overrides.undoneAt ? 'Dewi' : null,
});

function setup(component: typeof SuggestionBanner | typeof MergeHistory, props: Record<string, number>, route: Route, locale: 'en' | 'id' = 'en') {
  const fetch = vi.fn(async (url: string, init?: RequestInit) => route(new URL(url, 'http://desk.test'), init));
  vi.stubGlobal('fetch', fetch);
  const pinia = createPinia();
  setActivePinia(pinia);
  const consumers: LiveConsumer[] = [];
  useRealtimeStore().subscribe = (consumer) => (consumers.push(consumer), { loaded: () => undefined, stop: () => undefined });
  const wrapper = mount(component as typeof SuggestionBanner, { props: props as { ticketId: number }, global: { plugins: [pinia, createAppI18n(locale)] } });
  const live = (events: AgentEvent[]) => consumers.forEach((consumer) => consumer.applyEvents(events));
  const posts = () => fetch.mock.calls.filter(([, init]) => init?.method === 'POST').map(([url]) => url);
  return { fetch, wrapper, live, posts };
}

describe('the suggestion banner on a ticket', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('says who may be the same person and why, and confirming merges them', async () => {
    let pending = [suggestion()];
    const { wrapper, posts } = setup(SuggestionBanner, { ticketId: 21 }, (url, init) => {
      if (init?.method === 'POST') return (pending = [], json(200, { suggestion: { ...suggestion(), state: 'confirmed' }, merge: entry().merge }));
      return json(200, { items: pending });
    });
    await flushPromises();
    expect(wrapper.get('[data-testid=suggestion]').text()).toContain('Sari Dewi is known by the number typed here.');
    expect(wrapper.get('[data-testid=suggestion]').text()).toContain('+6281234567890');
    await wrapper.get('[data-testid=suggestion-confirm]').trigger('click');
    await flushPromises();
    expect(posts()).toEqual(['/api/suggestions/7/confirm']);
    expect(wrapper.find('[data-testid=suggestion]').exists()).toBe(false);
    expect(wrapper.get('[data-testid=suggestion-notice]').text()).toContain('Merged');
    expect(wrapper.emitted('merged')).toHaveLength(1);
  });

  it('rejecting tells the server and removes the suggestion, in Bahasa Indonesia too', async () => {
    const { wrapper, posts } = setup(SuggestionBanner, { ticketId: 21 }, (url, init) => (init?.method === 'POST' ? json(200, { ...suggestion(), state: 'rejected' }) : json(200, { items: [suggestion({ reason: 'same_name' })] })), 'id');
    await flushPromises();
    expect(wrapper.get('[data-testid=suggestion]').text()).toContain('menulis di kanal lain hari ini dengan nama yang sama');
    await wrapper.get('[data-testid=suggestion-reject]').trigger('click');
    await flushPromises();
    expect(posts()).toEqual(['/api/suggestions/7/reject']);
    expect(wrapper.find('[data-testid=suggestion]').exists()).toBe(false);
  });

  it('shows why a decision was refused, and reloads when someone else decides', async () => {
    let calls = 0;
    const { wrapper, live } = setup(SuggestionBanner, { ticketId: 21 }, (url, init) =>
      init?.method === 'POST' ? json(409, { error: { code: 'suggestion.decided', message: 'decided' } }) : json(200, { items: calls++ < 2 ? [suggestion()] : [] }));
    await flushPromises();
    await wrapper.get('[data-testid=suggestion-confirm]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid=suggestion-error]').text()).toBe('Someone decided that suggestion already.');
    live([{ id: 90, type: 'suggestion.updated', ticketId: 21, createdAt: '2026-03-02T08:06:00.000Z', payload: { suggestion: { ...suggestion(), state: 'rejected' } } } as AgentEvent]);
    await flushPromises();
    expect(wrapper.find('[data-testid=suggestion]').exists()).toBe(false);
  });
});

describe("the customer's merge history", () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists each merge with who and why, and undoes one still in force', async () => {
    let undone = false;
    const { wrapper, posts } = setup(MergeHistory, { customerId: 3 }, (url, init) => {
      if (init?.method === 'POST') return (undone = true, json(200, entry({ undoneAt: '2026-03-02T09:00:00.000Z', undoneByUserId: 2 }).merge));
      return json(200, { items: [undone ? entry({ undoneAt: '2026-03-02T09:00:00.000Z', undoneByUserId: 2 }) : entry()] });
    });
    await flushPromises();
    const row = wrapper.get('[data-testid=merge-entry]');
    expect(row.text()).toContain('@sari.dewi merged in');
    expect(row.text()).toContain('suggestion confirmed');
    expect(row.text()).toContain('by Dewi');
    await wrapper.get('[data-testid=merge-undo]').trigger('click');
    await flushPromises();
    expect(posts()).toEqual(['/api/customer-merges/11/undo']);
    expect(wrapper.get('[data-testid=merge-entry]').attributes('data-undone')).toBe('true');
    expect(wrapper.get('[data-testid=merge-undone]').text()).toContain('Undone by Dewi');
    expect(wrapper.find('[data-testid=merge-undo]').exists()).toBe(false);
    expect(wrapper.emitted('undone')).toHaveLength(1);
  });

  it('explains an undo refused because a later merge came after', async () => {
    const { wrapper } = setup(MergeHistory, { customerId: 5 }, (url, init) =>
      init?.method === 'POST' ? json(409, { error: { code: 'customer.merge_not_latest', message: 'later' } }) : json(200, { items: [entry({ reason: 'verified_phone', actorUserId: null })] }));
    await flushPromises();
    expect(wrapper.get('[data-testid=merge-entry]').text()).toContain('Merged into Sari Dewi');
    await wrapper.get('[data-testid=merge-undo]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid=merge-error]').text()).toBe('This customer was merged again since: undo the later merge first.');
  });
});
