import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { effectScope } from 'vue';
import { createPinia, setActivePinia } from 'pinia';
import type { TicketDetailDto, TicketPageDto } from '@keluh/contracts';
import { useTicketListStore } from '../features/inbox/ticket-list.store.ts';
import { useTicketDetailStore } from '../features/ticket/ticket-detail.store.ts';
import { startAgentServer, type AgentServer } from '../test/agent-server.testkit.ts';
import { events, message, ticket } from '../test/fixtures.ts';
import { useLiveEvents } from './use-live-events.ts';
import { useRealtimeStore, type SessionHooks } from './realtime.store.ts';

const page = (lastEventId: number, ids: number[]): TicketPageDto => ({ items: ids.map((id) => ticket(id)), nextCursor: null, lastEventId });
const detailOf = (id: number, lastEventId: number): TicketDetailDto => ({
  ticket: ticket(id),
  sla: [],
  customer: { id, name: `Customer ${id}`, type: 'external', characteristic: 'new', characteristicSource: 'suggested', characteristicReason: null, language: 'id', email: null, phone: null, mergedIntoId: null, createdAt: '', updatedAt: '' },
  identities: [],
  messages: [message(1, id)],
  notes: [],
  transitions: [],
  activities: [],
  window: { channel: 'whatsapp', state: 'none' },
  lastEventId,
});

let server: AgentServer;
let session: SessionHooks;

beforeEach(async () => {
  server = await startAgentServer();
  // The console's socket and fetches are same-origin: the page now "lives" on the test server.
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(`${server.url}/inbox/all`);
  setActivePinia(createPinia());
  session = { check: vi.fn(async () => undefined), ended: vi.fn() };
});

afterEach(async () => {
  useRealtimeStore().reset();
  await server.close();
});

describe('features kept current by the realtime layer', () => {
  it('reads "connected" only once the first sync is applied, not when the socket opens', async () => {
    const realtime = useRealtimeStore();
    realtime.subscribe({ applyEvents: () => undefined, position: () => 5, reload: () => undefined });
    realtime.hydrate(session);
    const sync = await server.nextSync();
    expect(realtime.state).toBe('connecting');
    sync.accept([], 0);
    await vi.waitFor(() => expect(realtime.state).toBe('connected'));
  });

  it('the ticket list subscribes itself: a pushed event reaches it though the realtime store knows no feature', async () => {
    server.get('/api/tickets', () => page(10, [1]));
    const realtime = useRealtimeStore();
    const list = useTicketListStore();
    await list.hydrate();
    realtime.hydrate(session);
    const sync = await server.nextSync();
    expect(sync.lastEventId).toBe(10);
    sync.accept([], 10);
    await vi.waitFor(() => expect(realtime.state).toBe('connected'));

    server.push([events.ticketCreated(11, ticket(2, { minute: 30 }))]);
    await vi.waitFor(() => expect(list.items.map((t) => t.id)).toEqual([2, 1]));
  });

  it('syncs from the lowest position any subscribed feature holds, and hands the replay to each', async () => {
    server.get('/api/tickets', () => page(10, [1]));
    server.get('/api/tickets/1', () => detailOf(1, 7));
    server.post('/api/tickets/1/read', () => ticket(1));
    const realtime = useRealtimeStore();
    const list = useTicketListStore();
    const detail = useTicketDetailStore();
    await list.hydrate();
    await detail.hydrate(1);
    realtime.hydrate(session);

    const sync = await server.nextSync();
    expect(sync.lastEventId).toBe(7);
    const renamed = ticket(1, { subject: 'Renamed at 9', minute: 40 });
    sync.accept([events.ticketUpdated(9, renamed), events.ticketCreated(11, ticket(3, { minute: 41 }))], 11);
    await vi.waitFor(() => expect(list.position).toBe(11));
    // The list was at 10: it skips event 9 and takes 11; the ticket view was at 7 and takes both.
    expect(list.items.map((t) => t.id)).toEqual([3, 1]);
    expect(list.items.find((t) => t.id === 1)?.subject).toBe('Subject 1');
    expect(detail.detail?.ticket.subject).toBe('Renamed at 9');
    expect(detail.position).toBe(11);
  });

  it('brings a snapshot loaded after newer events forward from its own position', async () => {
    server.get('/api/tickets', () => page(10, [1]));
    server.get('/api/tickets/1', () => detailOf(1, 12));
    server.post('/api/tickets/1/read', () => ticket(1));
    const realtime = useRealtimeStore();
    const list = useTicketListStore();
    const detail = useTicketDetailStore();
    await list.hydrate();
    realtime.hydrate(session);
    (await server.nextSync()).accept([], 15);
    await vi.waitFor(() => expect(realtime.state).toBe('connected'));

    await detail.hydrate(1);
    const catchUp = await server.nextSync();
    expect(catchUp.lastEventId).toBe(10);
    catchUp.accept([events.ticketUpdated(13, ticket(1, { subject: 'Changed at 13', minute: 50 }))], 15);
    await vi.waitFor(() => expect(detail.detail?.ticket.subject).toBe('Changed at 13'));
  });

  it('reloads every subscribed feature when the server cannot replay that far', async () => {
    let listLoads = 0;
    server.get('/api/tickets', () => page(10 + listLoads++, [1]));
    const realtime = useRealtimeStore();
    const list = useTicketListStore();
    await list.hydrate();
    realtime.hydrate(session);
    (await server.nextSync()).refuse({ code: 'validation.failed', message: 'Too far behind to replay; reload', details: { tooFarBehind: true } });
    await vi.waitFor(() => expect(listLoads).toBe(2));
    await vi.waitFor(() => expect(list.position).toBe(11));
    expect(realtime.state).toBe('connected');
  });

  it('feeds a feature no more once its scope is gone', async () => {
    const realtime = useRealtimeStore();
    const seen: number[] = [];
    const scope = effectScope();
    scope.run(() => useLiveEvents({ applyEvents: (list) => seen.push(...list.map((e) => e.id)), reload: () => undefined }));
    const stays: number[] = [];
    realtime.subscribe({ applyEvents: (list) => stays.push(...list.map((e) => e.id)), reload: () => undefined });
    // Nothing with a position is loaded: there is nothing to replay, so no sync holds events back.
    realtime.hydrate(session);
    await vi.waitFor(() => expect(realtime.state).toBe('connected'));

    server.push([events.ticketCreated(1, ticket(1))]);
    await vi.waitFor(() => expect(seen).toEqual([1]));
    scope.stop();
    server.push([events.ticketCreated(2, ticket(2))]);
    await vi.waitFor(() => expect(stays).toEqual([1, 2]));
    expect(seen).toEqual([1]);
  });

  it('hands a session the server ended back to the app, which signs the agent out', async () => {
    const realtime = useRealtimeStore();
    // Nothing with a position is loaded: there is nothing to replay, so no sync holds events back.
    realtime.hydrate(session);
    await vi.waitFor(() => expect(realtime.state).toBe('connected'));
    server.endSession();
    await vi.waitFor(() => expect(session.ended).toHaveBeenCalledOnce());
    await vi.waitFor(() => expect(realtime.state).toBe('reconnecting'));
  });
});
