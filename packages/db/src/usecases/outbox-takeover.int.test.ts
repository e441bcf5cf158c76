import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addMilliseconds,
  correlationIdFor,
  dispatchDueMessages,
  ingestEvents,
  replyToTicket,
  type ChannelAdapter,
  type CoreDeps,
  type Message,
  type OutboundMessage,
} from '@keluh/core';
import { fakeClock, freshDb, recordingPublisher, T0 } from '../testing/fixtures.ts';

/*
 * What happens to a send when its process dies or runs slow, found by the chaos run
 * (apps/api/src/chaos.int.test.ts). A send the channel accepted just before its process died is recorded
 * nowhere but in Meta's status webhooks, which carry our correlation id — and those may reach us only
 * once a process is back, so a send left in flight waits for them before it goes out again. And a lease
 * is only as good as the time it covers.
 */

const CUSTOMER = '6281300000042';
const LEASE_MS = 60_000;

function recordingAdapter(onSend: (outbound: OutboundMessage) => Promise<void> = async () => undefined): ChannelAdapter & { sent: OutboundMessage[] } {
  const sent: OutboundMessage[] = [];
  return {
    channel: 'whatsapp',
    sent,
    parse: () => [],
    async send(outbound) {
      sent.push(outbound);
      await onSend(outbound);
      return { externalMessageId: `wamid.sent-${outbound.messageId}-${sent.length}` };
    },
  };
}

describe('outbox sends across a crash and a slow batch', () => {
  let deps: CoreDeps & { clock: ReturnType<typeof fakeClock> };
  let ticketId: number;
  let agentId: number;
  beforeEach(async () => {
    deps = { db: await freshDb(), clock: fakeClock(T0, 0), events: recordingPublisher() };
    await ingestEvents(deps, [{ kind: 'message', channel: 'whatsapp', externalMessageId: 'wamid.in', sender: { externalId: CUSTOMER }, body: 'Paket saya?', sentAt: T0 }]);
    ticketId = (await deps.db.messages.findByExternalId('whatsapp', 'wamid.in'))!.ticketId;
    agentId = (await deps.db.users.create({ email: 'dewi@k.test', name: 'Dewi', role: 'agent', passwordHash: 'x' }, T0)).id;
  });
  afterEach(() => deps.db.close());

  /** A process claimed the reply's row and died holding it: Meta may or may not have got the send. */
  async function claimedByADeadProcess(body: string) {
    const reply = await replyToTicket(deps, { ticketId, authorUserId: agentId, body });
    const [row] = await deps.db.outbox.claimDue(deps.clock.now(), 1, { owner: 'dead', until: addMilliseconds(deps.clock.now(), LEASE_MS) });
    expect(row?.messageId).toBe(reply.id);
    return reply;
  }

  it('a reply Meta accepted just before its process died is not sent again once Meta’s status names it', async () => {
    const reply = await claimedByADeadProcess('Kami cek dulu');
    const status = { kind: 'status', channel: 'whatsapp', externalMessageId: 'wamid.lost', at: T0, correlationId: correlationIdFor(reply.id), recipientExternalIds: [CUSTOMER] } as const;
    expect(await ingestEvents(deps, [{ ...status, status: 'sent' }])).toEqual([{ kind: 'status', outcome: 'applied' }]);
    expect(await deps.db.messages.findById(reply.id)).toMatchObject({ externalId: 'wamid.lost', status: 'sent' });
    // Later statuses find it by the id it took.
    await ingestEvents(deps, [{ ...status, status: 'delivered' }]);

    const whatsapp = recordingAdapter();
    deps.clock.advance(LEASE_MS);
    await dispatchDueMessages(deps, { whatsapp }, { owner: 'alive', leaseMs: LEASE_MS });
    deps.clock.advance(LEASE_MS);
    expect(await dispatchDueMessages(deps, { whatsapp }, { owner: 'alive', leaseMs: LEASE_MS })).toMatchObject({ sent: 1 });
    expect(whatsapp.sent).toEqual([]);
    expect(await deps.db.outbox.listPending(10)).toEqual([]);
    expect(await deps.db.messages.findById(reply.id)).toMatchObject({ externalId: 'wamid.lost', status: 'delivered' });
  });

  it('a reply its dead process never got out is sent once its lease has run out and the wait for its statuses is over', async () => {
    const reply = await claimedByADeadProcess('Mohon ditunggu');
    const whatsapp = recordingAdapter();
    const dispatch = () => dispatchDueMessages(deps, { whatsapp }, { owner: 'alive', leaseMs: LEASE_MS });
    expect(await dispatch()).toMatchObject({ sent: 0 });
    deps.clock.advance(LEASE_MS);
    // Let go, but no status came: it may still be on its way, e.g. to a process that was down as well.
    expect(await dispatch()).toMatchObject({ sent: 0 });
    deps.clock.advance(LEASE_MS - 1);
    expect(await dispatch()).toMatchObject({ sent: 0 });
    deps.clock.advance(1);
    expect(await dispatch()).toMatchObject({ sent: 1 });
    expect(whatsapp.sent.map((outbound) => outbound.messageId)).toEqual([reply.id]);
    expect(await deps.db.messages.findById(reply.id)).toMatchObject({ externalId: `wamid.sent-${reply.id}-1`, status: 'sent' });
  });

  it('a status with our correlation id but another recipient is parked, never taken for our reply', async () => {
    const reply = await claimedByADeadProcess('Sudah kami kirim');
    const foreign = { kind: 'status', channel: 'whatsapp', externalMessageId: 'wamid.other', status: 'sent', at: T0, correlationId: correlationIdFor(reply.id), recipientExternalIds: ['6285700000001'] } as const;
    expect(await ingestEvents(deps, [foreign])).toEqual([{ kind: 'status', outcome: 'parked' }]);
    expect(await deps.db.messages.findById(reply.id)).toMatchObject({ externalId: null, status: 'queued' });
  });

  it('a slow batch does not let another process take over and send the replies it has not reached yet', async () => {
    const replies: Message[] = [];
    for (const body of ['satu', 'dua', 'tiga']) replies.push(await replyToTicket(deps, { ticketId, authorUserId: agentId, body }));
    const second = recordingAdapter();
    // Each send of the first process takes most of a lease; during its second one, the other process polls.
    const first = recordingAdapter(async (outbound) => {
      deps.clock.advance(LEASE_MS * 0.75);
      if (outbound.messageId === replies[1]!.id) await dispatchDueMessages(deps, { whatsapp: second }, { owner: 'p2', leaseMs: LEASE_MS });
    });
    await dispatchDueMessages(deps, { whatsapp: first }, { owner: 'p1', leaseMs: LEASE_MS });

    const sends = [...first.sent, ...second.sent].map((outbound) => outbound.messageId).sort((a, b) => a - b);
    expect(sends).toEqual(replies.map((reply) => reply.id));
    expect(await deps.db.outbox.listPending(10)).toEqual([]);
  });
});
