import type { InboundEvent, InboundMessageEvent, InboundStatusEvent } from '../channels/channel.types.ts';
import type { Message } from '../messages/message.types.ts';
import { commit, type CoreDeps } from '../shared/deps.ts';
import { changeIdentity } from './customer-resolution.ts';
import { handleDeliveryStatus, type StatusOutcome } from './delivery-status.handler.ts';
import { handleInboundMessage, type IngestResult } from './inbound-message.handler.ts';
import { handleMessageChange } from './message-change.handler.ts';
import type { Repositories } from '../ports/repositories.ts';
import type { IngestContext } from './tx-context.ts';
import { recomputeSla } from '../sla/sla-recompute.ts';

export type { IngestResult } from './inbound-message.handler.ts';

export type IngestOutcome =
  | { kind: 'message'; result: IngestResult }
  | { kind: 'status'; outcome: StatusOutcome }
  | { kind: 'reaction' | 'edit' | 'delete'; outcome: 'applied' | 'ignored' }
  | { kind: 'identity_change'; outcome: 'rekeyed' | 'ignored' };

/**
 * Takes one delivery's events into the help desk in ONE transaction: a webhook batch is stored whole or
 * not at all, so answering 200 after this returns means everything in it is committed, and the
 * channel's retry of a failed batch re-applies cleanly (every step is idempotent).
 */
export async function ingestEvents(deps: CoreDeps, events: readonly InboundEvent[]): Promise<IngestOutcome[]> {
  if (events.length === 0) return [];
  const held = channelIdsOf(events);
  return commit(deps, async (tx, emit) => {
    // Every id the batch will look up, up front and in one order (see holdChannelIds).
    await tx.messages.holdChannelIds(held);
    const ctx: IngestContext = { tx: readingSettingsOnce(tx), emit, now: deps.clock.now(), clocksDue: new Set() };
    const outcomes: IngestOutcome[] = [];
    for (const event of events) outcomes.push(await handle(ctx, event));
    for (const ticketId of ctx.clocksDue) await recomputeSla(ctx.tx, ticketId, ctx.now, emit);
    return outcomes;
  });
}

/**
 * The settings a batch consults for every message (the default phone region, the reopen window, the
 * routing) are read once per batch, not once per message: a 1,000-message webhook must answer inside
 * Meta's few seconds, and ingest writes none of them. A write through this wrapper forgets the cached key.
 */
function readingSettingsOnce(tx: Repositories): Repositories {
  const read = new Map<string, Promise<string | null>>();
  const settings: Repositories['settings'] = {
    get: (key) => {
      const cached = read.get(key) ?? tx.settings.get(key);
      read.set(key, cached);
      return cached;
    },
    set: (key, value) => (read.delete(key), tx.settings.set(key, value)),
    setIfAbsent: (key, value) => (read.delete(key), tx.settings.setIfAbsent(key, value)),
  };
  return { ...tx, settings };
}

/** What a batch's transaction will lock: each message's sender and id, each status's and change's target. */
function channelIdsOf(events: readonly InboundEvent[]): { channel: InboundEvent['channel']; externalId: string }[] {
  const ids = new Map<string, { channel: InboundEvent['channel']; externalId: string }>();
  const add = (channel: InboundEvent['channel'], externalId: string) => ids.set(`${channel}:${externalId}`, { channel, externalId });
  for (const event of events) {
    // A message's own id too: the dedupe lookup holds it, and holding them all here is one round trip, not one per message.
    if (event.kind === 'message') for (const key of [event.sender.externalId, ...(event.sender.aliases ?? []), event.externalMessageId]) add(event.channel, key);
    else if (event.kind === 'status') add(event.channel, event.externalMessageId);
    else if (event.kind === 'identity_change') add(event.channel, event.previousExternalId);
    else if ('targetExternalId' in event) add(event.channel, event.targetExternalId);
  }
  return [...ids.values()];
}

async function handle(ctx: IngestContext, event: InboundEvent): Promise<IngestOutcome> {
  switch (event.kind) {
    case 'message':
      return { kind: 'message', result: await handleInboundMessage(ctx, event) };
    case 'status':
      return { kind: 'status', outcome: await handleDeliveryStatus(ctx, event) };
    case 'reaction':
    case 'edit':
    case 'delete':
      return { kind: event.kind, outcome: await handleMessageChange(ctx, event) };
    case 'identity_change':
      return { kind: 'identity_change', outcome: await changeIdentity(ctx, event) };
    default:
      // An adapter produced something the core does not know: fail the batch rather than drop it silently.
      throw new Error(`Unknown inbound event kind: ${(event as { kind?: unknown }).kind}`);
  }
}

/** One customer message (web chat sends them one at a time). */
export async function ingestMessage(deps: CoreDeps, event: InboundMessageEvent): Promise<IngestResult> {
  const [outcome] = await ingestEvents(deps, [event]);
  if (outcome?.kind !== 'message') throw new Error('ingestMessage expected a message outcome');
  return outcome.result;
}

/** One delivery status; returns the message as it now stands, or null when it is not ours (yet). */
export async function applyDeliveryStatus(deps: CoreDeps, event: InboundStatusEvent): Promise<Message | null> {
  await ingestEvents(deps, [event]);
  const message = await deps.db.messages.findByExternalId(event.channel, event.externalMessageId);
  return message?.direction === 'out' ? message : null;
}
