import type { ChannelKind, CustomerCharacteristic, CustomerType, Database, Instant, Message, NewDomainEvent, Review, SlaClock, TicketPromise, TicketView, WorkflowSnapshot } from '@keluh/core';

/**
 * Builders for a hand-written event log: the payloads have the shapes the use cases emit, with only the
 * fields a report reads set to anything interesting. Appended through the real event repository.
 */
export interface TicketSpec {
  id: number;
  channel: ChannelKind;
  teamId: number | null;
  assigneeId: number | null;
  customerType: CustomerType;
  characteristic: CustomerCharacteristic;
  createdAt: Instant;
}

export function ticketView(spec: TicketSpec, patch: Partial<TicketView> = {}): TicketView {
  return {
    id: spec.id,
    customerId: spec.id,
    subject: `Keluhan ${spec.id}`,
    status: 'open',
    stage: 1,
    priority: 'normal',
    assigneeId: spec.assigneeId,
    teamId: spec.teamId,
    channel: spec.channel,
    lastChannel: spec.channel,
    unreadCount: 0,
    lastMessageAt: spec.createdAt,
    lastMessagePreview: '',
    lastInboundAt: spec.createdAt,
    firstResponseAt: null,
    resolvedAt: null,
    previousTicketId: null,
    mergedIntoTicketId: null,
    version: 1,
    createdAt: spec.createdAt,
    updatedAt: spec.createdAt,
    customer: { id: spec.id, name: `Pelanggan ${spec.id}`, type: spec.customerType, characteristic: spec.characteristic, language: 'id' },
    assignee: spec.assigneeId === null ? null : { id: spec.assigneeId, name: `Agen ${spec.assigneeId}` },
    ...patch,
  };
}

let messageIds = 0;
export function message(spec: TicketSpec, at: Instant, from: 'customer' | 'agent' | 'system', authorUserId: number | null = null): Message {
  messageIds += 1;
  return {
    id: messageIds,
    ticketId: spec.id,
    direction: from === 'customer' ? 'in' : 'out',
    authorKind: from,
    authorUserId,
    authorName: null,
    channel: spec.channel,
    identityId: null,
    externalId: null,
    body: 'halo',
    attachments: [],
    status: from === 'customer' ? 'received' : 'sent',
    error: null,
    via: null,
    replyToExternalId: null,
    context: null,
    placeholder: null,
    template: null,
    automated: from === 'system',
    choices: null,
    editCount: 0,
    editedAt: null,
    deletedAt: null,
    reactions: [],
    emotion: null,
    sentAt: at,
    createdAt: at,
    updatedAt: at,
  };
}

export function rated(spec: TicketSpec, score: number, at: Instant): Review {
  return {
    id: spec.id,
    ticketId: spec.id,
    customerId: spec.id,
    channel: spec.channel,
    state: 'rated',
    requestMessageId: null,
    consentMessageId: null,
    score,
    comment: null,
    consent: null,
    requestedBy: null,
    requestedAt: at,
    ratedAt: at,
    completedAt: null,
    testimonial: { state: 'none' },
  } as Review;
}

export function settled(spec: TicketSpec, owner: number, state: 'kept' | 'broken', at: Instant): TicketPromise {
  return { id: spec.id, ticketId: spec.id, text: 'Besok sampai', dueAt: at, ownerUserId: owner, ownerName: `Agen ${owner}`, state, createdBy: owner, createdAt: at, settledAt: at, settledBy: owner, remindedAt: null, overdueAt: null };
}

export function clock(ticketId: number, metric: SlaClock['metric'], startedAt: Instant, outcome: Partial<SlaClock>): SlaClock {
  return { ticketId, metric, policyId: 1, targetSeconds: 3600, businessHours: false, state: 'running', startedAt, dueAt: null, warnAt: null, remainingSeconds: null, stoppedAt: null, warnedAt: null, breachedAt: null, updatedAt: startedAt, ...outcome };
}

/** A stage change as the workflow use cases announce it; the snapshot carries what the fold reads (its transitions). */
export function stageMoved(spec: TicketSpec, fromStage: 1 | 2 | 3 | 4, dwellSeconds: number, at: Instant): NewDomainEvent {
  const transition = { id: spec.id * 10 + fromStage, ticketId: spec.id, fromStage, toStage: fromStage + 1, direction: 'forward', byUserId: spec.assigneeId, byName: null, reason: null, override: false, missing: [], dwellMs: dwellSeconds * 1000, at };
  const workflow = { transitions: [transition] } as unknown as WorkflowSnapshot;
  return { type: 'workflow.updated', ticketId: spec.id, customerId: spec.id, payload: { workflow, ticket: ticketView(spec, { stage: (fromStage + 1) as 2 }), changes: ['stage'] } };
}

/** Appends each event in its own transaction at its own time, like the use cases that would have emitted them. */
export async function appendHistory(db: Database, history: readonly [Instant, NewDomainEvent][]): Promise<void> {
  for (const [at, event] of history) await db.transaction((tx) => tx.events.appendAll([event], at));
}
