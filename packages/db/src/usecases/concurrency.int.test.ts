import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingestEvents, systemClock, updateTicket, type CoreDeps, type InboundMessageEvent, type StoredEvent } from '@keluh/core';
import { freshDb, recordingPublisher } from '../testing/fixtures.ts';

/*
 * What must stay true when many writers run at once — several webhook deliveries, two API processes —
 * rather than because one engine happens to run one thing at a time. On PostgreSQL these race for real.
 */

const message = (externalMessageId: string, from: string): InboundMessageEvent => ({
  kind: 'message',
  channel: 'whatsapp',
  externalMessageId,
  sender: { externalId: from, displayName: `Pelanggan ${from}`, phone: `+${from}` },
  body: `Pesan ${externalMessageId}`,
  sentAt: new Date().toISOString(),
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('under concurrency', () => {
  let deps: CoreDeps & { events: ReturnType<typeof recordingPublisher> };
  beforeEach(async () => {
    deps = { db: await freshDb(), clock: systemClock, events: recordingPublisher() };
  });
  afterEach(() => deps.db.close());

  it('a new sender whose messages arrive all at once, with redeliveries, becomes one customer with one ticket and each message once', async () => {
    const deliveries = Array.from({ length: 24 }, (_, n) => [message(`wamid.burst-${n % 8}`, '6281200000001')]);
    const outcomes = await Promise.all(deliveries.map((events) => ingestEvents(deps, events)));
    const created = outcomes.flat().filter((outcome) => outcome.kind === 'message' && !outcome.result.duplicate);
    expect(created).toHaveLength(8);
    const identity = await deps.db.identities.findByExternalId('whatsapp', '6281200000001');
    const tickets = await deps.db.tickets.listForCustomer(identity!.customerId);
    expect(tickets).toHaveLength(1);
    expect(tickets[0]).toMatchObject({ unreadCount: 8, status: 'open' });
    expect(await deps.db.messages.listForTicket(tickets[0]!.id)).toHaveLength(8);
    // The customers that lost the first-contact race were removed again.
    expect(await deps.db.customers.findById(identity!.customerId + 1)).toBeNull();
  });

  it('two agents changing one ticket at once: the one holding a stale version gets a conflict, nothing is overwritten', async () => {
    const [outcome] = await ingestEvents(deps, [message('wamid.v', '6281200000002')]);
    const ticket = outcome!.kind === 'message' ? outcome!.result.ticket : null;
    const results = await Promise.allSettled([
      updateTicket(deps, ticket!.id, { priority: 'high', version: ticket!.version }),
      updateTicket(deps, ticket!.id, { priority: 'low', version: ticket!.version }),
    ]);
    const won = results.filter((result) => result.status === 'fulfilled');
    const lost = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost.map((result) => (result.reason as { code?: string }).code)).toEqual(['ticket.conflict']);
    const stored = await deps.db.tickets.findById(ticket!.id);
    expect(stored).toMatchObject({ priority: (won[0] as PromiseFulfilledResult<{ priority: string }>).value.priority, version: ticket!.version + 1 });
  });

  it('a reader following the log never skips an event that commits after a later-numbered one', async () => {
    const writers = 12;
    const perWriter = 6;
    let writing = true;
    const seen: number[] = [];
    const follow = (async () => {
      let cursor = 0;
      while (writing || cursor < (await deps.db.events.latestId())) {
        for (const event of await deps.db.events.listAfter(cursor, { limit: 500 })) {
          seen.push(event.id);
          cursor = event.id;
        }
        await pause(1);
      }
    })();
    // Each writer lingers a random while after its events got their ids and before it commits: with ids
    // from a plain sequence, a later id could then become visible first and a follower would skip the earlier.
    await Promise.all(
      Array.from({ length: writers }, async (_, writer) => {
        for (let n = 0; n < perWriter; n += 1) {
          await deps.db.transaction(async (tx) => {
            await tx.customers.create({ name: `w${writer}-${n}` }, new Date().toISOString());
            await tx.events.appendAll([{ type: 'channel.updated', ticketId: null, customerId: null, payload: { kind: 'whatsapp', status: 'active', reason: `${writer}-${n}` } }], new Date().toISOString());
            await pause(Math.random() * 4);
          });
        }
      }),
    );
    writing = false;
    await follow;
    const all = (await deps.db.events.listAfter(0, { limit: 1000 })).map((event: StoredEvent) => event.id);
    expect(all).toHaveLength(writers * perWriter);
    expect(seen).toEqual(all);
  });
});
