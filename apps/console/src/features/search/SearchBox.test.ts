import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { defineComponent } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { SearchHitDto, SearchResultsDto } from '@keluh/contracts';
import { useAppCommands } from '../../app/use-app-commands.ts';
import { createAppI18n } from '../../i18n/index.ts';
import { useSessionStore } from '../auth/session.store.ts';
import KeyboardHost from '../commands/KeyboardHost.vue';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const hit = (kind: SearchHitDto['kind'], id: number, ticketId: number | null, text: string, highlights: [number, number][] = []): SearchHitDto => ({
  kind, id, ticketId, customerId: 5, customerName: 'Sari Wulandari', snippet: { text, highlights }, rank: 1, at: '2026-03-02T08:00:00.000Z',
});
const answer: SearchResultsDto = {
  customer: [hit('customer', 5, 31, 'Sari Wulandari · +6281234567890', [[0, 4]])],
  ticket: [hit('ticket', 31, 31, 'Paket belum sampai', [[0, 5]])],
  message: [hit('message', 900, 31, 'Paketnya belum sampai juga', [[0, 8]]), hit('message', 901, 27, 'Paket kedua rusak', [[0, 5]])],
};

const mounted: { unmount(): void }[] = [];

async function setup(respond: (q: string) => Response = () => json(200, answer)) {
  const asked: string[] = [];
  vi.stubGlobal('fetch', vi.fn(async (url: string) => {
    const q = new URL(url, 'http://desk.test').searchParams.get('q') ?? '';
    asked.push(q);
    return respond(q);
  }));
  const pinia = createPinia();
  setActivePinia(pinia);
  useSessionStore().user = { id: 1, name: 'A', role: 'agent' } as never;
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/inbox/:view/:ticketId?', name: 'inbox', component: { render: () => null } }, { path: '/', component: { render: () => null } }] });
  await router.push('/');
  const Shell = defineComponent({ components: { KeyboardHost }, setup: () => (useAppCommands(), {}), template: '<KeyboardHost />' });
  const wrapper = mount(Shell, { global: { plugins: [pinia, router, createAppI18n('en')] }, attachTo: document.body });
  const field = document.body.appendChild(document.createElement('input'));
  mounted.push({ unmount: () => (wrapper.unmount(), field.remove()) });
  return { router, asked, field };
}

const press = (key: string, target: EventTarget = document.body) => target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
const input = () => document.querySelector<HTMLInputElement>('[data-testid=search-input]');
const type = async (text: string) => {
  input()!.value = text;
  input()!.dispatchEvent(new Event('input', { bubbles: true }));
  await vi.advanceTimersByTimeAsync(200);
  await flushPromises();
};
const highlighted = () => document.querySelector<HTMLElement>('[data-testid=search-hit][data-highlighted]');

describe('the search box', () => {
  afterEach(() => {
    mounted.splice(0).forEach((wrapper) => wrapper.unmount());
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('opens on / outside a text field, and not while the agent types in one', async () => {
    const { field } = await setup();
    press('/', field);
    await flushPromises();
    expect(input()).toBeNull();
    press('/');
    await flushPromises();
    expect(input()).not.toBeNull();
    expect(document.querySelector('[data-testid=search-hint]')?.textContent).toContain('phone number');
  });

  it('shows the results grouped by kind with the matches marked, the best one highlighted', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { asked } = await setup();
    press('/');
    await flushPromises();
    await type('paket');
    expect(asked).toEqual(['paket']);
    const groups = [...document.querySelectorAll<HTMLElement>('[data-testid=search-group]')].map((group) => group.dataset.kind);
    expect(groups).toEqual(['customer', 'ticket', 'message']);
    expect([...document.querySelectorAll('[data-testid=search-snippet] mark')].map((mark) => mark.textContent)).toEqual(['Sari', 'Paket', 'Paketnya', 'Paket']);
    expect(document.body.textContent).toContain('Sari Wulandari · ticket #27');
    await vi.waitFor(() => expect(highlighted()?.dataset.kind).toBe('customer'));
  });

  it('moves with the arrow keys and opens the highlighted hit’s ticket on Enter', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { router } = await setup();
    press('/');
    await flushPromises();
    await type('paket');
    await vi.waitFor(() => expect(highlighted()).not.toBeNull());
    for (let i = 0; i < 3; i++) press('ArrowDown', input()!);
    await flushPromises();
    expect(highlighted()?.textContent).toContain('Paket kedua rusak');
    press('Enter', input()!);
    await vi.waitFor(() => expect(router.currentRoute.value.params).toEqual({ view: 'all', ticketId: '27' }));
    expect(input()).toBeNull();
  });

  it('shows only the answer to the latest query when an older one comes back last', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let releaseSlow: (response: Response) => void = () => undefined;
    await setup((q) => (q === 'pak' ? (new Promise<Response>((resolve) => (releaseSlow = resolve)) as never) : json(200, { ...answer, customer: [], ticket: [], message: [answer.message[1]!] })));
    press('/');
    await flushPromises();
    await type('pak');
    await type('paket kedua');
    releaseSlow(json(200, answer));
    await flushPromises();
    expect(document.querySelectorAll('[data-testid=search-hit]')).toHaveLength(1);
  });

  it('explains an empty result and a refused query in the agent’s words', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await setup((q) => (q === 'zzz' ? json(200, { customer: [], ticket: [], message: [] }) : json(400, { error: { code: 'search.query_empty', message: 'x' } })));
    press('/');
    await flushPromises();
    await type('zzz');
    expect(document.querySelector('[data-testid=search-empty]')?.textContent).toContain('Nothing found for “zzz”');
    await type('?!');
    expect(document.querySelector('[data-testid=search-error]')?.getAttribute('data-code')).toBe('search.query_empty');
    await type('x'.repeat(201));
    expect(document.querySelector('[data-testid=search-error]')?.getAttribute('data-code')).toBe('search.query_too_long');
  });
});
