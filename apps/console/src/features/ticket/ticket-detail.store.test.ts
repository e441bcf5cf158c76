import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import type { TicketDetailDto } from '@keluh/contracts';
import { message, ticket } from '../../test/fixtures.ts';
import { useTicketDetailStore } from './ticket-detail.store.ts';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const snapshot: TicketDetailDto = {
  ticket: ticket(1),
  customer: { id: 1, name: 'Customer 1', type: 'external', characteristic: 'new', characteristicSource: 'suggested', characteristicReason: null, language: 'id', email: null, phone: null, mergedIntoId: null, createdAt: '', updatedAt: '' },
  identities: [],
  sla: [],
  messages: [message(1, 1)],
  notes: [],
  transitions: [],
  activities: [],
  window: { channel: 'whatsapp', state: 'open', closesAt: '2025-01-07T09:01:00.000Z' },
  lastEventId: 10,
};

describe('sending from the open ticket', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('switches to templates when the server says the window has closed', async () => {
    const fetch = vi.fn(async (url: string, init?: RequestInit) => {
      if (url === '/api/tickets/1' && !init?.method?.startsWith('P')) return json(200, snapshot);
      if (url === '/api/tickets/1/read') return json(200, ticket(1));
      return json(409, { error: { code: 'channel.window_closed', message: 'closed', details: { channel: 'whatsapp', closedAt: '2025-01-07T08:00:00.000Z' } } });
    });
    vi.stubGlobal('fetch', fetch);
    setActivePinia(createPinia());
    const store = useTicketDetailStore();
    await store.hydrate(1);
    expect(store.detail?.window.state).toBe('open');

    await expect(store.send('Halo')).rejects.toMatchObject({ code: 'channel.window_closed' });
    expect(store.detail?.window).toEqual({ channel: 'whatsapp', state: 'closed', closedAt: '2025-01-07T08:00:00.000Z' });
  });

  it('tells the server the newest message on screen, and sends anyway only when asked', async () => {
    const bodies: unknown[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        if (url === '/api/tickets/1' && !init?.method?.startsWith('P')) return json(200, { ...snapshot, messages: [message(3, 1), message(7, 1), message(5, 1)] });
        if (url === '/api/tickets/1/read') return json(200, ticket(1));
        bodies.push(JSON.parse(String(init?.body)));
        return json(201, message(8, 1, { direction: 'out', status: 'queued' }));
      }),
    );
    setActivePinia(createPinia());
    const store = useTicketDetailStore();
    await store.hydrate(1);
    await store.send('Halo');
    await store.send('Halo lagi', { force: true });
    expect(bodies).toEqual([{ body: 'Halo', seenMessageId: 7 }, { body: 'Halo lagi', seenMessageId: 8, force: true }]);
  });

  it('posts a template with its values', async () => {
    const sent = message(2, 1, { direction: 'out', authorKind: 'agent', status: 'queued', template: { name: 'followup', language: 'id', parameters: ['Rina'] } });
    const fetch = vi.fn(async (url: string, init?: RequestInit) => {
      if (init?.method === 'POST' && url === '/api/tickets/1/messages') return json(201, sent);
      if (url === '/api/tickets/1/read') return json(200, ticket(1));
      return json(200, snapshot);
    });
    vi.stubGlobal('fetch', fetch);
    setActivePinia(createPinia());
    const store = useTicketDetailStore();
    await store.hydrate(1);
    await store.sendTemplate({ name: 'followup', language: 'id', parameters: ['Rina'] });
    const post = fetch.mock.calls.find(([url, init]) => url === '/api/tickets/1/messages' && init?.method === 'POST');
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({ template: { name: 'followup', language: 'id', parameters: ['Rina'] }, seenMessageId: 1 });
    expect(store.detail?.messages.map((m) => m.id)).toEqual([1, 2]);
  });

  it('sends the version it shows with a change, and on a conflict shows what the other agent did', async () => {
    const changedElsewhere = { ...snapshot, ticket: { ...ticket(1), priority: 'urgent' as const, version: 2 } };
    let loads = 0;
    const fetch = vi.fn(async (url: string, init?: RequestInit) => {
      if (init?.method === 'PATCH') return json(409, { error: { code: 'ticket.conflict', message: 'changed', details: { ticketId: 1, currentVersion: 2 } } });
      if (url === '/api/tickets/1/read') return json(200, loads === 1 ? ticket(1) : changedElsewhere.ticket);
      loads += 1;
      return json(200, loads === 1 ? snapshot : changedElsewhere);
    });
    vi.stubGlobal('fetch', fetch);
    setActivePinia(createPinia());
    const store = useTicketDetailStore();
    await store.hydrate(1);

    await expect(store.update({ priority: 'low' })).rejects.toMatchObject({ code: 'ticket.conflict' });
    const patch = fetch.mock.calls.find(([, init]) => init?.method === 'PATCH');
    expect(JSON.parse(String(patch?.[1]?.body))).toEqual({ priority: 'low', version: 1 });
    await vi.waitFor(() => expect(store.detail?.ticket).toMatchObject({ priority: 'urgent', version: 2 }));
  });
});
