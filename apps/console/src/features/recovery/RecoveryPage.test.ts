import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount, RouterLinkStub } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import type { AgentEvent, RecoveryTaskDto } from '@keluh/contracts';
import { createAppI18n } from '../../i18n/index.ts';
import type { LiveConsumer } from '../../realtime/live-consumers.ts';
import { useRealtimeStore } from '../../realtime/realtime.store.ts';
import RecoveryPage from './RecoveryPage.vue';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const task = (id: number, overrides: Partial<RecoveryTaskDto> = {}): RecoveryTaskDto => ({
  id, reviewId: 10 + id, ticketId: 20 + id, customerId: 30 + id, score: 2, state: 'open', assigneeId: null, note: null,
  createdAt: '2025-01-06T09:30:00.000Z', closedAt: null, closedBy: null, ...overrides,
});

type Route = (url: URL, init?: RequestInit) => Response;

function setup(route: Route, locale: 'en' | 'id' = 'en') {
  const fetch = vi.fn(async (url: string, init?: RequestInit) => route(new URL(url, 'http://desk.test'), init));
  vi.stubGlobal('fetch', fetch);
  const pinia = createPinia();
  setActivePinia(pinia);
  const consumers: LiveConsumer[] = [];
  useRealtimeStore().subscribe = (consumer) => (consumers.push(consumer), { loaded: () => undefined, stop: () => undefined });
  const wrapper = mount(RecoveryPage, { attachTo: document.body, global: { plugins: [pinia, createAppI18n(locale)], stubs: { RouterLink: RouterLinkStub } } });
  const live = (events: AgentEvent[]) => consumers.forEach((consumer) => consumer.applyEvents(events));
  const rows = () => wrapper.findAll('[data-testid=recovery-row]');
  const inDialog = (testid: string) => document.querySelector<HTMLElement>(`[data-testid=${testid}]`);
  return { fetch, wrapper, live, rows, inDialog };
}

async function typeNote(element: HTMLElement | null, value: string): Promise<void> {
  const field = element as HTMLTextAreaElement;
  field.value = value;
  field.dispatchEvent(new Event('input'));
  await flushPromises();
}

describe('the recovery tasks page', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it('lists the open tasks with score, customer, ticket link and when', async () => {
    const { rows, fetch } = setup((url) => (url.pathname === '/api/tickets/21'
      ? json(200, { ticket: { id: 21, subject: 'Paket rusak' }, customer: { id: 31, name: 'Dewi Lestari' } })
      : url.pathname.startsWith('/api/tickets/') ? json(404, { error: { code: 'ticket.not_found', message: 'no' } })
      : json(200, { items: [task(1), task(2, { score: 1 })] })));
    await flushPromises();
    expect(fetch.mock.calls[0]![0]).toBe('/api/recovery-tasks?state=open');
    expect(rows()).toHaveLength(2);
    const first = rows()[0]!;
    expect(first.attributes()).toMatchObject({ 'data-task-id': '1', 'data-state': 'open' });
    expect(first.get('[data-testid=score-stars]').attributes('aria-label')).toBe('2 out of 5 stars');
    expect(first.get('[data-testid=recovery-customer]').text()).toBe('Dewi Lestari');
    expect(first.get('[data-testid=recovery-subject]').text()).toBe('Paket rusak');
    // A ticket that cannot be read leaves the customer's id shown.
    expect(rows()[1]!.get('[data-testid=recovery-customer]').text()).toBe('Customer #32');
    expect(first.getComponent(RouterLinkStub).props('to')).toEqual({ name: 'inbox', params: { view: 'all', ticketId: 21 } });
    expect(first.get('[data-testid=recovery-date]').attributes('datetime')).toBe('2025-01-06T09:30:00.000Z');
  });

  it('closes a task with a note in a dialog, and the task leaves the list', async () => {
    const bodies: unknown[] = [];
    const { rows, inDialog, wrapper } = setup((url, init) => {
      if (init?.method === 'POST') {
        bodies.push({ path: url.pathname, body: JSON.parse(String(init.body)) });
        return json(200, task(1, { state: 'done', note: 'Called back' }));
      }
      return json(200, { items: [task(1)] });
    });
    await flushPromises();
    await rows()[0]!.get('[data-testid=recovery-close]').trigger('click');
    await flushPromises();
    const confirm = inDialog('recovery-close-confirm') as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    await typeNote(inDialog('recovery-note'), 'Called back, sent a voucher');
    expect(confirm.disabled).toBe(false);
    confirm.click();
    await flushPromises();
    expect(bodies).toEqual([{ path: '/api/recovery-tasks/1/close', body: { note: 'Called back, sent a voucher' } }]);
    expect(rows()).toHaveLength(0);
    expect(wrapper.get('[data-testid=recovery-empty]').text()).toContain('No open recovery tasks');
  });

  it('shows a coded refusal translated, in the dialog', async () => {
    const { rows, inDialog } = setup((_url, init) => (init?.method === 'POST'
      ? json(409, { error: { code: 'recovery.closed', message: 'closed' } })
      : json(200, { items: [task(1)] })), 'id');
    await flushPromises();
    await rows()[0]!.get('[data-testid=recovery-close]').trigger('click');
    await flushPromises();
    await typeNote(inDialog('recovery-note'), 'Sudah ditelepon');
    inDialog('recovery-close-confirm')!.click();
    await flushPromises();
    const error = inDialog('recovery-error')!;
    expect(error.dataset.code).toBe('recovery.closed');
    expect(error.textContent?.trim()).toBe('Tugas pemulihan itu sudah ditutup.');
  });

  it('loads again on a recovery.updated event', async () => {
    let items = [task(1)];
    const { rows, live } = setup(() => json(200, { items }));
    await flushPromises();
    items = [task(2), task(1)];
    live([{ id: 7, type: 'recovery.updated', ticketId: 22, createdAt: '', payload: { task: task(2) } } as unknown as AgentEvent]);
    await flushPromises();
    expect(rows().map((row) => row.attributes('data-task-id'))).toEqual(['2', '1']);
  });
});
