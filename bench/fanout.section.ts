import { io, type Socket } from 'socket.io-client';
import { AGENT_NAMESPACE, VISITOR_NAMESPACE, type AgentEvent } from '@keluh/contracts';
import { percentile } from './support/load.ts';
import { openQuietSockets } from './support/quiet-sockets.ts';
import { visitorTokens } from './support/visitors.ts';
import { BENCH_WHATSAPP, whatsappWebhooks } from './support/whatsapp-webhooks.ts';

export interface FanoutFigures {
  agents: number;
  visitors: number;
  webhooks: number;
  samples: number;
  p50: number;
  p99: number;
}

const AGENTS = Number(process.env.BENCH_AGENTS ?? 1_000);
const VISITORS = Number(process.env.BENCH_VISITORS ?? 500);
/** Real socket.io clients among the agents, timing every event; the rest listen without decoding. */
const TIMED = 20;
const WEBHOOKS = 200;
const EVERY_MS = Number(process.env.BENCH_FANOUT_EVERY_MS ?? 100);

/**
 * Time from a webhook POST leaving the bench to its `message.created` event arriving on agent sockets, with
 * 1,000 agent and 500 widget sockets connected to one process.
 */
export async function fanoutFigures(url: string, token: string): Promise<FanoutFigures> {
  const visitors = await visitorTokens(url, VISITORS);
  const quietAgents = await openQuietSockets(url, AGENTS - TIMED, AGENT_NAMESPACE, () => ({ token }));
  const quietVisitors = await openQuietSockets(url, VISITORS, VISITOR_NAMESPACE, (index) => ({ visitorToken: visitors[index]! }));
  const timed: Socket[] = await Promise.all(
    Array.from(
      { length: TIMED },
      () =>
        new Promise<Socket>((resolve, reject) => {
          const socket = io(`${url}${AGENT_NAMESPACE}`, { auth: { token }, transports: ['websocket'], reconnection: false });
          socket.once('connect', () => resolve(socket));
          socket.once('connect_error', reject);
        }),
    ),
  );

  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  for (const socket of timed) {
    socket.on('events', (events: AgentEvent[]) => {
      const arrived = performance.now();
      for (const event of events) {
        if (event.type !== 'message.created') continue;
        const started = sentAt.get(event.payload.message.externalId ?? '');
        if (started !== undefined) latencies.push(arrived - started);
      }
    });
  }
  const deliveries = whatsappWebhooks({ posts: WEBHOOKS, batch: 1, customers: 50, tag: 'fanout' });
  const posts: Promise<unknown>[] = [];
  for (const [index, delivery] of deliveries.entries()) {
    sentAt.set(`wamid.fanout.${index}.0`, performance.now());
    posts.push(fetch(`${url}/webhooks/whatsapp`, { method: 'POST', headers: delivery.headers, body: delivery.body }));
    await new Promise((resolve) => setTimeout(resolve, EVERY_MS));
  }
  await Promise.all(posts);
  const deadline = Date.now() + 5_000;
  while (latencies.length < WEBHOOKS * TIMED && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  timed.forEach((socket) => socket.disconnect());
  quietAgents.close();
  quietVisitors.close();
  if (latencies.length < WEBHOOKS * TIMED) throw new Error(`only ${latencies.length} of ${WEBHOOKS * TIMED} events arrived on the timed sockets`);
  latencies.sort((a, b) => a - b);
  return { agents: AGENTS, visitors: VISITORS, webhooks: WEBHOOKS, samples: latencies.length, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

export { BENCH_WHATSAPP };
