import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount, RouterLinkStub } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { AgentEvent, UserDto } from '@keluh/contracts';
import AppRail from '../../app/AppRail.vue';
import { createAppI18n } from '../../i18n/index.ts';
import type { LiveConsumer } from '../../realtime/live-consumers.ts';
import { useRealtimeStore } from '../../realtime/realtime.store.ts';
import { boardAt, boardEvents, boardSnapshot, clock } from '../../test/board.fixtures.ts';
import { events, ticket } from '../../test/fixtures.ts';
import { useSessionStore } from '../auth/session.store.ts';
import BoardPage from './BoardPage.vue';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

async function setup(options: { patch?: () => Response; wall?: boolean } = {}) {
  vi.useFakeTimers({ now: Date.parse(boardAt(31)), toFake: ['Date', 'setInterval', 'clearInterval'] });
  const requests: { method: string; path: string; body: unknown }[] = [];
  vi.stubGlobal('fetch', vi.fn(async (url: string, init?: RequestInit) => {
    const path = new URL(url, 'http://desk.test').pathname;
    requests.push({ method: init?.method ?? 'GET', path, body: init?.body ? JSON.parse(String(init.body)) : null });
    if (init?.method === 'PATCH') return options.patch?.() ?? json(200, ticket(21, { minute: 31, assigneeId: 8, assignee: { id: 8, name: 'Sari' } }));
    return json(200, boardSnapshot({ queue: [{ ticketId: 21, subject: 'Paket hilang', customer: ticket(21).customer, assignee: null, teamId: 1, channel: 'whatsapp', priority: 'normal', stage: 1, waitingSince: boardAt(31), lastMessageAt: boardAt(31), clocks: [] }], tiles: { ...boardSnapshot().tiles, waitingNow: 1 } }));
  }));
  const pinia = createPinia();
  setActivePinia(pinia);
  const consumers: LiveConsumer[] = [];
  const loaded: number[] = [];
  useRealtimeStore().subscribe = (consumer) => (consumers.push(consumer), { loaded: (id) => void loaded.push(id), stop: () => undefined });
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/board', name: 'board', component: BoardPage }] });
  await router.push(options.wall ? '/board?wall=1' : '/board');
  const wrapper = mount(BoardPage, { attachTo: document.body, global: { plugins: [pinia, router, createAppI18n('en')], stubs: { RouterLink: RouterLinkStub, ConnectionStatus: true } } });
  await flushPromises();
  const live = async (list: AgentEvent[]) => (consumers.forEach((consumer) => consumer.applyEvents(list)), await flushPromises());
  const refuseReplay = async () => (consumers.forEach((consumer) => consumer.reload()), await flushPromises());
  return { wrapper, live, requests, loaded, consumers, refuseReplay };
}

describe('the supervisor board page', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it('loads one snapshot, hands its event id to the live sync, and then only the second timer moves the wait clock', async () => {
    const { wrapper, requests, loaded } = await setup();
    expect(requests).toEqual([{ method: 'GET', path: '/api/board', body: null }]);
    expect(loaded).toEqual([10]);
    expect(wrapper.get('[data-testid=tile-waiting]').text()).toContain('1');
    expect(wrapper.get('[data-testid=board-wait]').text()).toBe('0:00');
    await vi.advanceTimersByTimeAsync(65_000);
    expect(wrapper.get('[data-testid=board-wait]').text()).toBe('1:05');
    expect(requests).toHaveLength(1);
  });

  it('replays from its own position, and loads the snapshot again when the replay is refused as too far behind', async () => {
    const { consumers, live, refuseReplay, requests, loaded } = await setup();
    await live([events.ticketCreated(14, ticket(22, { minute: 30 }))]);
    expect(consumers[0]!.position!()).toBe(14);
    await refuseReplay();
    expect(requests.map((request) => request.path)).toEqual(['/api/board', '/api/board']);
    expect(loaded).toEqual([10, 10]);
    expect(consumers[0]!.position!()).toBe(10);
  });

  it('an SLA push colours the countdown, and it turns amber and red as the seconds pass', async () => {
    const { wrapper, live } = await setup();
    await live([boardEvents.sla(11, 21, [clock(21, 31, 100)])]);
    const light = () => wrapper.get('[data-testid=board-sla]');
    expect([light().attributes('data-light'), light().text()]).toEqual(['green', '1:40']);
    await vi.advanceTimersByTimeAsync(80_000);
    expect(light().attributes('data-light')).toBe('amber');
    await vi.advanceTimersByTimeAsync(21_000);
    expect([light().attributes('data-light'), light().text()]).toEqual(['red', '−0:01']);
    expect(wrapper.get('[data-testid=tile-breached]').text()).toContain('1');
  });

  it('a new ticket pushed over the socket joins the queue without a request', async () => {
    const { wrapper, live, requests } = await setup();
    await live([events.ticketCreated(11, ticket(22, { minute: 30 }))]);
    expect(wrapper.findAll('[data-testid=board-queue-row]').map((row) => row.attributes('data-ticket'))).toEqual(['22', '21']);
    expect(requests).toHaveLength(1);
  });

  it('picking an agent in the row\'s menu sends one PATCH with their id, and the row shows them at once', async () => {
    const { wrapper, requests } = await setup();
    await wrapper.get('[data-testid=board-reassign]').trigger('keydown', { key: 'Enter' });
    await flushPromises();
    const options = [...document.querySelectorAll<HTMLElement>('[data-testid=board-reassign-option]')];
    expect(options.map((option) => [option.dataset.agent, option.textContent?.includes('0 of 3 open')])).toEqual([['Dewi', false], ['Sari', true]]);
    options[1]!.click();
    await flushPromises();
    expect(requests.at(-1)).toEqual({ method: 'PATCH', path: '/api/tickets/21', body: { assigneeId: 8 } });
    expect(wrapper.get('[data-testid=board-reassign]').text()).toContain('Sari');
    expect(wrapper.find('[data-testid=board-reassign-error]').exists()).toBe(false);
  });

  it('a refused reassignment shows its coded error on the row', async () => {
    const { wrapper } = await setup({ patch: () => json(422, { error: { code: 'assign.other_team', message: 'Sari is not in this ticket’s team' } }) });
    await wrapper.get('[data-testid=board-reassign]').trigger('keydown', { key: 'Enter' });
    await flushPromises();
    const option = [...document.querySelectorAll<HTMLElement>('[data-testid=board-reassign-option]')].find((element) => element.dataset.agent === 'Sari')!;
    option.click();
    await flushPromises();
    expect(wrapper.get('[data-testid=board-reassign-error]').attributes('data-code')).toBe('assign.other_team');
  });

  it('the wallboard shows assignees without the reassign menu and offers full screen', async () => {
    const { wrapper } = await setup({ wall: true });
    expect(wrapper.get('[data-testid=board-page]').classes()).toContain('board--wall');
    expect(wrapper.find('[data-testid=board-reassign]').exists()).toBe(false);
    expect(wrapper.find('[data-testid=board-fullscreen]').exists()).toBe(true);
  });
});

describe('the rail\'s board entry', () => {
  it.each([['supervisor', true], ['admin', true], ['agent', false]] as const)('is shown to a %s: %s', async (role, shown) => {
    const pinia = createPinia();
    setActivePinia(pinia);
    useSessionStore().user = { id: 1, name: 'Rina', email: 'r@keluh.test', role } as UserDto;
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/', name: 'inbox', component: { render: () => null } }] });
    const rail = mount(AppRail, { global: { plugins: [pinia, router, createAppI18n('en')], stubs: { RouterLink: RouterLinkStub, ConnectionStatus: true, LanguageSwitch: true } } });
    await flushPromises();
    expect(rail.find('[data-testid=nav-board]').exists()).toBe(shown);
  });
});
