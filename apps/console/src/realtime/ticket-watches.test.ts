import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import type { TicketWatchers } from '@keluh/contracts';
import { startAgentServer, type AgentServer } from '../test/agent-server.testkit.ts';
import { useRealtimeStore, type SessionHooks } from './realtime.store.ts';

let server: AgentServer;
let session: SessionHooks;
const maya = { userId: 9, name: 'Maya', typing: false, since: '2026-03-02T03:00:00.000Z' };

beforeEach(async () => {
  server = await startAgentServer();
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(`${server.url}/inbox/all`);
  setActivePinia(createPinia());
  session = { check: vi.fn(async () => undefined), ended: vi.fn() };
});

afterEach(async () => {
  useRealtimeStore().reset();
  await server.close();
});

async function connectedStore() {
  const realtime = useRealtimeStore();
  realtime.subscribe({ applyEvents: () => undefined, position: () => 0, reload: () => undefined });
  realtime.hydrate(session);
  (await server.nextSync()).accept([], 0);
  await vi.waitFor(() => expect(realtime.state).toBe('connected'));
  return realtime;
}

describe('telling the server which ticket this tab has open', () => {
  it('shows who else is viewing from the answer to the watch', async () => {
    server.answerWatchesWith(() => [maya]);
    const realtime = await connectedStore();
    const seen: TicketWatchers[] = [];
    realtime.onWatchers((watchers) => seen.push(watchers));
    realtime.watchTicket(4, false);
    await vi.waitFor(() => expect(seen).toEqual([{ ticketId: 4, viewers: [maya] }]));
  });

  it('says again which tickets are open, typing or not, after the connection drops and comes back', async () => {
    const realtime = await connectedStore();
    realtime.watchTicket(4, true);
    realtime.watchTicket(5, false);
    realtime.unwatchTicket(5);
    await vi.waitFor(() => expect(server.watchCalls).toHaveLength(3));
    server.dropConnections();
    (await server.nextSync()).accept([], 0);
    await vi.waitFor(() => expect(server.watchCalls.slice(3)).toEqual([{ event: 'ticket.watch', ticketId: 4, typing: true }]));
  });

  it('ignores lists for tickets the tab no longer has open', async () => {
    const realtime = await connectedStore();
    const seen: TicketWatchers[] = [];
    realtime.onWatchers((watchers) => seen.push(watchers));
    realtime.watchTicket(4, false);
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    realtime.unwatchTicket(4);
    server.pushWatchers({ ticketId: 4, viewers: [maya] });
    server.pushWatchers({ ticketId: 6, viewers: [maya] });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(seen).toHaveLength(1);
  });
});
