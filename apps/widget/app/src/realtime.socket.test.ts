import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { VisitorEvent, WidgetMessageDto } from '@keluh/contracts';
import { connectRealtime, type Realtime, type RealtimeHooks } from './realtime.ts';
import { startVisitorServer, type VisitorServer } from './visitor-server.testkit.ts';

const reply = (id: number): WidgetMessageDto => ({
  id,
  ticketId: 1,
  direction: 'out',
  authorKind: 'agent',
  authorName: 'Rina',
  body: `reply ${id}`,
  attachments: [],
  status: 'sent',
  sentAt: '2025-03-01T10:00:00.000Z',
  createdAt: '2025-03-01T10:00:00.000Z',
});
const created = (id: number): VisitorEvent => ({ id, type: 'message.created', message: reply(id) });

let server: VisitorServer;
let realtime: Realtime | null = null;

beforeEach(async () => {
  server = await startVisitorServer();
});

afterEach(async () => {
  realtime?.close();
  realtime = null;
  await server.close();
});

function connect(from: number) {
  let last = from;
  const applied: number[] = [];
  const hooks: RealtimeHooks = {
    lastEventId: () => last,
    onEvents: (events) => {
      for (const event of events) {
        applied.push(event.id);
        last = Math.max(last, event.id);
      }
    },
    onState: vi.fn(),
    onReady: vi.fn(),
    onDisconnect: vi.fn(),
    onAuthRejected: vi.fn(),
    onStale: vi.fn(),
  };
  const socket = server.clientSocket();
  realtime = connectRealtime(socket, hooks, { ackTimeoutMs: 2_000, syncRetryMs: 50 });
  socket.connect();
  return { applied, hooks, realtime };
}

describe('the visitor socket over a real socket.io connection', () => {
  it('applies what was pushed during the sync after the replay, once and in order, and only then sends', async () => {
    const { applied, realtime: live } = connect(10);
    const sync = await server.nextSync();
    expect(sync.lastEventId).toBe(10);
    server.push([created(13)]);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(applied).toEqual([]);
    expect(live.ready).toBe(false);

    sync.accept([created(11), created(12), created(13)], 13);
    await vi.waitFor(() => expect(live.ready).toBe(true));
    // The push can trail the replay: the replay reads the log directly, the push follows commits.
    server.push([created(13), created(14)]);
    await vi.waitFor(() => expect(applied).toEqual([11, 12, 13, 14]));
    await expect(live.send({ clientMessageId: 'abcdefgh', body: 'halo' })).resolves.toMatchObject({ kind: 'ok', message: { body: 'halo' } });
  });

  it('comes back by itself after the server hangs up, and syncs from the last applied id', async () => {
    const { applied, hooks, realtime: live } = connect(10);
    (await server.nextSync()).accept([created(11)], 11);
    await vi.waitFor(() => expect(live.ready).toBe(true));

    server.kick();
    const again = await server.nextSync();
    expect(hooks.onDisconnect).toHaveBeenCalledOnce();
    expect(again.lastEventId).toBe(11);
    expect(server.connections).toBe(2);
    again.accept([created(12)], 12);
    await vi.waitFor(() => expect(applied).toEqual([11, 12]));
    expect(hooks.onState).toHaveBeenLastCalledWith('connected');
  });
});
