import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import pino from 'pino';
import { ingestEvents, replyToTicket, systemClock, type ChannelAdapter, type CoreDeps, type OutboundMessage } from '@keluh/core';
import { openTestDatabase } from '@keluh/db/testing';
import { EventBus } from '../realtime/event-bus.ts';
import { OutboxWorker } from './outbox-worker.ts';

/*
 * Found by the full chaos run: a thousand replies queued in a burst went out twenty per poll (every 2 s),
 * so the last ones waited well over a minute with the channel idle. The worker now drains until a batch
 * comes back short.
 */
describe('the outbox worker with a backlog', () => {
  let deps: CoreDeps;
  beforeEach(async () => {
    deps = { db: await openTestDatabase(), clock: systemClock, events: { publish: () => undefined } };
  });
  afterEach(() => deps.db.close());

  it('sends every queued reply at once, not one batch per poll', async () => {
    await ingestEvents(deps, [{ kind: 'message', channel: 'whatsapp', externalMessageId: 'wamid.backlog', sender: { externalId: '6281300000077' }, body: 'Halo', sentAt: systemClock.now() }]);
    const ticketId = (await deps.db.messages.findByExternalId('whatsapp', 'wamid.backlog'))!.ticketId;
    const agent = await deps.db.users.create({ email: 'dewi@k.test', name: 'Dewi', role: 'agent', passwordHash: 'x' }, systemClock.now());
    for (let index = 0; index < 65; index++) await replyToTicket(deps, { ticketId, authorUserId: agent.id, body: `balasan ${index}` });

    const sent: OutboundMessage[] = [];
    const whatsapp: ChannelAdapter = { channel: 'whatsapp', parse: () => [], send: async (outbound) => (sent.push(outbound), { externalMessageId: `wamid.out-${sent.length}` }) };
    // The poll is an hour away: only the start's own drain can send anything in this test.
    const worker = new OutboxWorker(deps, { whatsapp }, new EventBus(() => undefined), pino({ level: 'silent' }), 'p1', { pollMs: 3_600_000 });
    worker.start();
    try {
      await worker.settled();
      expect(sent).toHaveLength(65);
      expect(await deps.db.outbox.listPending(1)).toEqual([]);
    } finally {
      await worker.stop();
    }
  });
});
