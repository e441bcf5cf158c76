import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount, RouterLinkStub } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import type { AgentEvent, ReviewDto } from '@keluh/contracts';
import { createAppI18n } from '../../i18n/index.ts';
import type { LiveConsumer } from '../../realtime/live-consumers.ts';
import { useRealtimeStore } from '../../realtime/realtime.store.ts';
import { review } from '../../test/workflow.fixtures.ts';
import TestimonialsPage from './TestimonialsPage.vue';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function testimonial(id: number, state: 'pending' | 'approved' | 'rejected', overrides: Partial<ReviewDto> = {}): ReviewDto {
  return review(id, 40 + id, {
    state: 'completed', score: 5, comment: 'Great help', consent: true, ratedAt: '2025-01-06T10:00:00.000Z',
    testimonial: { state, text: `Fast and kind help, order [redacted] (#${id})`, displayName: `Rina ${id}`, moderatedBy: null, moderatedAt: null },
    ...overrides,
  });
}

type Route = (url: URL, init?: RequestInit) => Response | Promise<Response>;

function setup(route: Route, locale: 'en' | 'id' = 'en') {
  const fetch = vi.fn(async (url: string, init?: RequestInit) => route(new URL(url, 'http://desk.test'), init));
  vi.stubGlobal('fetch', fetch);
  const pinia = createPinia();
  setActivePinia(pinia);
  const consumers: LiveConsumer[] = [];
  useRealtimeStore().subscribe = (consumer) => (consumers.push(consumer), { loaded: () => undefined, stop: () => undefined });
  const wrapper = mount(TestimonialsPage, { attachTo: document.body, global: { plugins: [pinia, createAppI18n(locale)], stubs: { RouterLink: RouterLinkStub } } });
  const live = (events: AgentEvent[]) => consumers.forEach((consumer) => consumer.applyEvents(events));
  const rows = () => wrapper.findAll('[data-testid=testimonial-row]');
  return { fetch, wrapper, live, rows };
}

/** A server with one list per state; PATCH moves a review between them. */
function server(lists: Record<string, ReviewDto[]>) {
  const patches: unknown[] = [];
  const route: Route = (url, init) => {
    if (init?.method === 'PATCH') {
      const body = JSON.parse(String(init.body)) as { state: 'pending' | 'approved' | 'rejected'; text?: string; displayName?: string };
      patches.push(body);
      const id = Number(url.pathname.split('/').at(-1));
      const all = Object.values(lists).flat();
      const found = all.find((item) => item.id === id)!;
      const moved = { ...found, testimonial: { ...found.testimonial, state: body.state, text: body.text ?? found.testimonial.text, displayName: body.displayName ?? found.testimonial.displayName, moderatedAt: '2025-01-06T11:00:00.000Z', moderatedBy: 1 } };
      for (const key of Object.keys(lists)) lists[key] = lists[key]!.filter((item) => item.id !== id);
      lists[body.state] = [moved, ...(lists[body.state] ?? [])];
      return json(200, moved);
    }
    return json(200, { items: lists[url.searchParams.get('state') ?? 'pending'] ?? [] });
  };
  return { route, patches, lists };
}

describe('the testimonials page', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it('lists the pending testimonials with stars, text, display name, ticket link and date', async () => {
    const { route } = server({ pending: [testimonial(1, 'pending'), testimonial(2, 'pending', { score: 4 })] });
    const { wrapper, rows, fetch } = setup(route);
    await flushPromises();
    expect(fetch.mock.calls[0]![0]).toBe('/api/testimonials?state=pending&limit=100');
    expect(rows()).toHaveLength(2);
    const first = rows()[0]!;
    expect(first.attributes('data-state')).toBe('pending');
    expect(first.get('[data-testid=score-stars]').attributes('aria-label')).toBe('5 out of 5 stars');
    expect(rows()[1]!.get('[data-testid=score-stars]').attributes('data-score')).toBe('4');
    expect(first.get('[data-testid=testimonial-text]').text()).toBe('Fast and kind help, order [redacted] (#1)');
    expect(first.get('[data-testid=testimonial-name]').text()).toBe('Rina 1');
    expect(first.getComponent(RouterLinkStub).props('to')).toEqual({ name: 'inbox', params: { view: 'all', ticketId: 41 } });
    expect(first.get('[data-testid=testimonial-date]').attributes('datetime')).toBe('2025-01-06T10:00:00.000Z');
    expect(wrapper.get('[data-testid=testimonials-tab-pending]').attributes('data-state')).toBe('active');
  });

  it('approves a testimonial, which leaves the pending tab', async () => {
    const { route, patches } = server({ pending: [testimonial(1, 'pending')] });
    const { wrapper, rows } = setup(route);
    await flushPromises();
    await rows()[0]!.get('[data-testid=testimonial-approve]').trigger('click');
    await flushPromises();
    expect(patches).toEqual([{ state: 'approved' }]);
    expect(rows()).toHaveLength(0);
    expect(wrapper.get('[data-testid=testimonials-empty]').text()).toBe('Nothing waiting for moderation.');
  });

  it('edits the text and display name by hand before approving', async () => {
    const { route, patches } = server({ pending: [testimonial(1, 'pending')] });
    const { rows } = setup(route);
    await flushPromises();
    await rows()[0]!.get('[data-testid=testimonial-edit]').trigger('click');
    await rows()[0]!.get('[data-testid=testimonial-edit-text]').setValue('Fast and kind help.');
    await rows()[0]!.get('[data-testid=testimonial-edit-name]').setValue('R.');
    await rows()[0]!.get('[data-testid=testimonial-edit-form]').trigger('submit');
    await flushPromises();
    expect(patches).toEqual([{ state: 'approved', text: 'Fast and kind help.', displayName: 'R.' }]);
  });

  it('rejects, and shows the rejected tab when it is chosen', async () => {
    const { route, patches } = server({ pending: [testimonial(1, 'pending')], rejected: [testimonial(3, 'rejected')] });
    const { wrapper, rows, fetch } = setup(route);
    await flushPromises();
    await rows()[0]!.get('[data-testid=testimonial-reject]').trigger('click');
    await flushPromises();
    expect(patches).toEqual([{ state: 'rejected' }]);
    await wrapper.get('[data-testid=testimonials-tab-rejected]').trigger('mousedown');
    await flushPromises();
    expect(fetch.mock.calls.at(-1)![0]).toBe('/api/testimonials?state=rejected&limit=100');
    expect(rows().map((row) => row.attributes('data-state'))).toEqual(['rejected', 'rejected']);
    expect(rows()[0]!.find('[data-testid=testimonial-reject]').exists()).toBe(false);
    expect(rows()[0]!.find('[data-testid=testimonial-unmoderate]').exists()).toBe(true);
  });

  it('translates a coded refusal (no consent) in the moderator’s language', async () => {
    const { rows } = setup((_url, init) => (init?.method === 'PATCH'
      ? json(409, { error: { code: 'testimonial.no_consent', message: 'no' } })
      : json(200, { items: [testimonial(1, 'pending')] })), 'id');
    await flushPromises();
    await rows()[0]!.get('[data-testid=testimonial-approve]').trigger('click');
    await flushPromises();
    const error = rows()[0]!.get('[data-testid=testimonial-error]');
    expect(error.attributes('data-code')).toBe('testimonial.no_consent');
    expect(error.text()).toBe('Pelanggan tidak setuju dipublikasikan.');
  });

  it('loads the shown tab again when a review.updated event arrives, and ignores other events', async () => {
    const { route, lists } = server({ pending: [testimonial(1, 'pending')] });
    const { rows, live, fetch } = setup(route);
    await flushPromises();
    lists.pending = [testimonial(5, 'pending'), ...lists.pending!];
    live([{ id: 9, type: 'ticket.updated', ticketId: 1, createdAt: '', payload: {} } as unknown as AgentEvent]);
    await flushPromises();
    expect(fetch).toHaveBeenCalledTimes(1);
    live([{ id: 10, type: 'review.updated', ticketId: 45, createdAt: '', payload: { review: testimonial(5, 'pending'), change: 'consent' } } as AgentEvent]);
    await flushPromises();
    expect(rows()).toHaveLength(2);
  });

  it('offers real downloads of the export and the embed snippet for this desk', async () => {
    const { wrapper } = setup(server({}).route);
    await flushPromises();
    expect(wrapper.get('[data-testid=testimonials-export-json]').attributes()).toMatchObject({ href: '/api/testimonials/export?format=json', download: '' });
    expect(wrapper.get('[data-testid=testimonials-export-csv]').attributes('href')).toBe('/api/testimonials/export?format=csv');
    const snippet = (wrapper.get('[data-testid=testimonials-embed-snippet]').element as HTMLTextAreaElement).value;
    expect(snippet).toBe(`<div data-keluh-testimonials></div>\n<script src="${location.origin}/testimonials.js" async></script>`);
    expect(wrapper.find('[data-testid=testimonials-embed-copy]').exists()).toBe(true);
  });
});
