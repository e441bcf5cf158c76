import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import type { AgentEvent } from '@keluh/contracts';
import type { LiveConsumer } from '../../realtime/live-consumers.ts';
import { ticket } from '../../test/fixtures.ts';
import { promise, review, workflowEvents, workflowSnapshot } from '../../test/workflow.fixtures.ts';
import { useRealtimeStore } from '../../realtime/realtime.store.ts';
import { useWorkflowStore } from './workflow.store.ts';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function setup(route: (url: string, init?: RequestInit) => Response) {
  const fetch = vi.fn(async (url: string, init?: RequestInit) => route(url, init));
  vi.stubGlobal('fetch', fetch);
  setActivePinia(createPinia());
  // Capture the subscription the store makes, and feed it as the realtime layer would.
  const consumers: LiveConsumer[] = [];
  useRealtimeStore().subscribe = (consumer) => (consumers.push(consumer), { loaded: () => undefined, stop: () => undefined });
  const store = useWorkflowStore();
  const live = (events: AgentEvent[]) => consumers.forEach((consumer) => consumer.applyEvents(events));
  return { fetch, store, live };
}

describe('the workflow of the open ticket', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('loads the snapshot and is replaced by a later workflow.updated event', async () => {
    const { store, live } = setup(() => json(200, workflowSnapshot(1)));
    await store.hydrate(1);
    expect(store.snapshot?.workflow.stage).toBe(1);
    const later = workflowSnapshot(1, { stage: 2, minute: 5 });
    live([workflowEvents.updated(20, later, ticket(1, { stage: 2 }))]);
    expect(store.snapshot?.workflow.stage).toBe(2);
  });

  it('ignores an event replayed from before what it already shows, and events of other tickets', async () => {
    const { store, live } = setup(() => json(200, workflowSnapshot(1, { stage: 3, minute: 9 })));
    await store.hydrate(1);
    live([workflowEvents.updated(21, workflowSnapshot(1, { stage: 2, minute: 4 }), ticket(1)), workflowEvents.updated(22, workflowSnapshot(2, { stage: 5, minute: 30 }), ticket(2))]);
    expect(store.snapshot?.workflow.stage).toBe(3);
  });

  it('shows the newest promise and review as their events arrive', async () => {
    const { store, live } = setup(() => json(200, workflowSnapshot(1)));
    await store.hydrate(1);
    live([workflowEvents.promise(30, promise(4, 1)), workflowEvents.review(31, review(8, 1, { state: 'rated', score: 5 }))]);
    live([workflowEvents.promise(32, promise(3, 1, { state: 'kept' }))]);
    expect(store.snapshot?.promise).toMatchObject({ id: 4, state: 'open' });
    expect(store.snapshot?.review).toMatchObject({ id: 8, score: 5 });
  });

  it('highlights the ticket as stuck as soon as its nudge arrives', async () => {
    const { store, live } = setup(() => json(200, workflowSnapshot(1)));
    await store.hydrate(1);
    const stuck = { ticketId: 1, subject: 's', stage: 1, stageEnteredAt: workflowSnapshot(1).workflow.stageEnteredAt, thresholdMs: 900_000, assigneeId: 7, assigneeName: 'Dewi', nudgedAt: null };
    live([{ id: 40, type: 'workflow.stuck', ticketId: 2, createdAt: '', payload: { stuck: { ...stuck, ticketId: 2 } } } as AgentEvent]);
    expect(store.snapshot?.stuck).toBe(false);
    live([{ id: 41, type: 'workflow.stuck', ticketId: 1, createdAt: '', payload: { stuck } } as AgentEvent]);
    expect(store.snapshot?.stuck).toBe(true);
  });

  it('advances with the reason and the ticket version the agent was looking at', async () => {
    const { store, fetch } = setup((url, init) =>
      init?.method === 'POST' ? json(200, workflowSnapshot(1, { stage: 2, minute: 3 })) : json(200, workflowSnapshot(1)),
    );
    await store.hydrate(1);
    await store.transition(2, 'Pelanggan sudah dibalas lewat telepon');
    const [url, init] = fetch.mock.calls.at(-1)!;
    expect(url).toBe('/api/tickets/1/workflow/transitions');
    expect(JSON.parse(String(init?.body))).toEqual({ to: 2, reason: 'Pelanggan sudah dibalas lewat telepon' });
    expect(store.snapshot?.workflow.stage).toBe(2);
  });

  it('reloads the workflow after a conflict and hands the coded error on', async () => {
    let reads = 0;
    const { store } = setup((url, init) => {
      if (init?.method === 'POST') return json(409, { error: { code: 'ticket.conflict', message: 'stale' } });
      if (url === '/api/tickets/1/workflow') reads += 1;
      return json(200, workflowSnapshot(1, { minute: reads }));
    });
    await store.hydrate(1);
    await expect(store.transition(2)).rejects.toMatchObject({ code: 'ticket.conflict' });
    await vi.waitFor(() => expect(reads).toBe(2));
  });

  it('moves the ticket on by itself when the agent\'s own change completes the stage, without the ticket\'s version', async () => {
    const stage3 = workflowSnapshot(1, { stage: 3, evaluation: { stage: 3, met: [], missing: ['root_cause_set'], canAdvance: false, next: 4, canGoBackTo: [1, 2] } });
    const mapped = workflowSnapshot(1, { stage: 3, minute: 2, evaluation: { stage: 3, met: ['root_cause_set'], missing: [], canAdvance: true, next: 4, canGoBackTo: [1, 2] } });
    const moved = workflowSnapshot(1, { stage: 4, minute: 3 });
    const { store, fetch } = setup((url, init) => (init?.method === 'PATCH' ? json(200, mapped) : init?.method === 'POST' ? json(200, moved) : json(200, stage3)));
    await store.hydrate(1);
    await store.update({ rootCause: 'courier_delay' });
    const transition = fetch.mock.calls.find(([url, init]) => String(url).endsWith('/workflow/transitions') && init?.method === 'POST');
    expect(JSON.parse(String(transition?.[1]?.body))).toEqual({ to: 4 });
    expect(store.snapshot?.workflow.stage).toBe(4);
  });

  it('leaves a stage alone that was already complete before the change: going back was the agent\'s decision', async () => {
    const complete = workflowSnapshot(1, { stage: 3, evaluation: { stage: 3, met: ['root_cause_set'], missing: [], canAdvance: true, next: 4, canGoBackTo: [1, 2] } });
    const { store, fetch } = setup((url, init) => (init?.method === 'PATCH' ? json(200, { ...complete, workflow: { ...complete.workflow, rootCauseNote: 'Banjir', updatedAt: '2026-12-01T09:30:00.000Z' } }) : json(200, complete)));
    await store.hydrate(1);
    await store.update({ rootCauseNote: 'Banjir' });
    expect(fetch.mock.calls.some(([url]) => String(url).endsWith('/workflow/transitions'))).toBe(false);
    expect(store.snapshot?.workflow.stage).toBe(3);
  });
});
