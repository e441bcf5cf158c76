import type { Customer, Identity } from '../customers/customer.types.ts';
import { previewOf } from '../messages/message.rules.ts';
import type { Message, MessageTemplate } from '../messages/message.types.ts';
import type { TicketActivity, TicketNote } from '../notes/note.types.ts';
import type { StageTransition } from '../workflow/workflow.types.ts';
import { assertNoReplyCollision, composeReply } from './reply.rules.ts';
import { replyIdentity } from './reply-identity.rules.ts';
import type { TicketPatch } from '../ports/repositories.ts';
import { commit, type CoreDeps } from '../shared/deps.ts';
import { AppError } from '../shared/errors.ts';
import { isActive, resolvedAtFor } from './ticket.rules.ts';
import { recordResolution } from '../resolutions/resolutions.usecases.ts';
import { recomputeSla } from '../sla/sla-recompute.ts';
import type { SlaClock } from '../sla/sla.types.ts';
import { scheduleAssignmentDrain } from '../assignment/assignment.usecases.ts';
import type { TicketPage, TicketPriority, TicketQuery, TicketStatus, TicketView } from './ticket.types.ts';
import type { User } from '../users/user.types.ts';
import { assertAssignment } from './assignment-guard.ts';

export interface TicketDetail {
  ticket: TicketView;
  customer: Customer;
  identities: Identity[];
  messages: Message[];
  notes: TicketNote[];
  transitions: StageTransition[];
  activities: TicketActivity[];
  /** The SLA clocks as they stand (first response, next response, resolution). */
  sla: SlaClock[];
}

export function listTickets(deps: CoreDeps, query: TicketQuery): Promise<TicketPage> {
  return deps.db.tickets.list(query);
}

export async function getTicketDetail(deps: CoreDeps, ticketId: number): Promise<TicketDetail> {
  const ticket = await deps.db.tickets.findView(ticketId);
  if (!ticket) throw new AppError('ticket.not_found', `Ticket ${ticketId} does not exist`);
  const [customer, identities, messages, notes, transitions, activities, sla] = await Promise.all([
    deps.db.customers.findById(ticket.customerId),
    deps.db.identities.listForCustomer(ticket.customerId),
    deps.db.messages.listForTicket(ticketId),
    deps.db.notes.listForTicket(ticketId),
    deps.db.workflows.listTransitions(ticketId),
    deps.db.activities.listForTicket(ticketId),
    deps.db.slaClocks.listForTicket(ticketId),
  ]);
  if (!customer) throw new Error(`Ticket ${ticketId} points at missing customer ${ticket.customerId}`);
  return { ticket, customer, identities, messages, notes, transitions, activities, sla };
}

export interface TicketChanges {
  status?: TicketStatus;
  priority?: TicketPriority;
  assigneeId?: number | null;
  /**
   * The version the agent was looking at. When someone changed the ticket since, nothing is applied and
   * `ticket.conflict` says so, instead of silently overwriting their change.
   */
  version?: number;
}

/**
 * `actor` is the person making the change (omitted for the system: the seed, rules). A person's change of
 * assignee is held to the reassign rules (auth/ticket.policy.ts); anyone's, to the ticket's team.
 */
export async function updateTicket(deps: CoreDeps, ticketId: number, changes: TicketChanges, actor?: Pick<User, 'id' | 'role'>): Promise<TicketView> {
  return commit(deps, async (tx, emit) => {
    const now = deps.clock.now();
    const ticket = await tx.tickets.lock(ticketId);
    if (!ticket) throw new AppError('ticket.not_found', `Ticket ${ticketId} does not exist`);
    if (changes.version !== undefined && changes.version !== ticket.version) throw staleVersion(ticket.id, ticket.version);
    if (changes.assigneeId !== undefined) await assertAssignment(tx, ticket, changes.assigneeId, actor);
    const patch: TicketPatch = {};
    const changed: string[] = [];
    if (changes.status !== undefined && changes.status !== ticket.status) {
      patch.status = changes.status;
      patch.resolvedAt = resolvedAtFor(ticket, changes.status, now);
      changed.push('status');
    }
    if (changes.priority !== undefined && changes.priority !== ticket.priority) {
      patch.priority = changes.priority;
      changed.push('priority');
    }
    if (changes.assigneeId !== undefined && changes.assigneeId !== ticket.assigneeId) {
      patch.assigneeId = changes.assigneeId;
      changed.push('assigneeId');
    }
    if (changed.length === 0) return mustView(await tx.tickets.findView(ticketId), ticketId);
    const updated = await tx.tickets.update(ticketId, patch, now, ticket.version);
    // Stage 3's memory: a complaint that is done (resolved, or closed straight from open) leaves its
    // record in this same commit; resolved → closed is the same resolution and keeps the record as is.
    if (isActive(ticket) && !isActive(updated)) await recordResolution(tx, updated, now);
    // Capacity freed (the ticket left `open`, or its agent changed) or a ticket back in the backlog: drain the team.
    if (updated.teamId !== null && assignmentLoad(ticket) !== assignmentLoad(updated)) {
      await scheduleAssignmentDrain(tx, updated.teamId, `ticket:${ticketId}:v${updated.version}`, now);
    }
    const view = mustView(await tx.tickets.findView(ticketId), ticketId);
    emit({ type: 'ticket.updated', ticketId, customerId: view.customerId, payload: { ticket: view, changes: changed } });
    // Status pauses or stops clocks, priority and team re-target them.
    await recomputeSla(tx, ticketId, now, emit);
    return view;
  });
}

export interface ReplyInput {
  ticketId: number;
  authorUserId: number;
  body?: unknown;
  /** A WhatsApp template instead of free text (the only thing allowed outside the 24-hour window). */
  template?: MessageTemplate | null;
  /** Sent by a bot or an integration through the API, not typed by a person: stops no response clock. */
  automated?: boolean;
  /** The newest message the agent had on screen; without it no collision is checked (API clients). */
  seenMessageId?: number | null;
  /** Send even though another agent replied since `seenMessageId` (the agent saw the warning). */
  force?: boolean;
  /** The customer's identity to send through (the channel picker); default: the one they last wrote from. */
  identityId?: number | null;
}

/**
 * An agent's reply: checked against the channel's rules (window, text limit), then stored as queued
 * with an outbox row in the same transaction, so it leaves through its channel exactly once even if
 * the process dies between commit and send.
 */
export async function replyToTicket(deps: CoreDeps, input: ReplyInput): Promise<Message> {
  return commit(deps, async (tx, emit) => {
    const now = deps.clock.now();
    // Locked: the reply's channel and window are decided on the ticket as it stands, not as it stood.
    const ticket = await tx.tickets.lock(input.ticketId);
    if (!ticket) throw new AppError('ticket.not_found', `Ticket ${input.ticketId} does not exist`);
    await assertNoReplyCollision(tx, ticket, input, now);
    const identity = replyIdentity(ticket, await tx.identities.listForCustomer(ticket.customerId), input.identityId);
    const { body, template } = await composeReply(tx, ticket, identity, input, now);
    const message = await tx.messages.insertIfAbsent(
      {
        ticketId: ticket.id,
        direction: 'out',
        authorKind: 'agent',
        authorUserId: input.authorUserId,
        channel: identity?.channel ?? ticket.lastChannel,
        identityId: identity?.id ?? null,
        body,
        status: 'queued',
        sentAt: now,
        template,
        automated: input.automated ?? false,
      },
      now,
    );
    if (!message) throw new Error('Outbound message without external id cannot conflict');
    await tx.outbox.enqueue({ messageId: message.id, channel: message.channel, availableAt: now }, now);
    // Replying is reading (the unread count clears), and it takes a finished ticket back up.
    await tx.tickets.recordReply(ticket.id, { at: now, preview: previewOf(body), reopen: reopenedByReply }, now);
    const view = mustView(await tx.tickets.findView(ticket.id), ticket.id);
    emit({ type: 'message.created', ticketId: ticket.id, customerId: ticket.customerId, payload: { message, ticket: view } });
    await recomputeSla(tx, ticket.id, now, emit);
    return message;
  });
}

/** Clears the unread count when an agent opens the ticket. */
export async function markTicketRead(deps: CoreDeps, ticketId: number): Promise<TicketView> {
  return commit(deps, async (tx, emit) => {
    const cleared = await tx.tickets.markRead(ticketId, deps.clock.now());
    const view = mustView(await tx.tickets.findView(ticketId), ticketId);
    if (cleared) emit({ type: 'ticket.updated', ticketId, customerId: cleared.customerId, payload: { ticket: view, changes: ['unreadCount'] } });
    return view;
  });
}

/** Whose capacity an open ticket takes, or that it waits in the backlog; nobody's once it is not open. */
function assignmentLoad(ticket: { status: TicketStatus; assigneeId: number | null }): string {
  return ticket.status === 'open' ? String(ticket.assigneeId ?? 'backlog') : 'none';
}

/** Statuses an agent's reply turns back into open. */
const reopenedByReply: readonly TicketStatus[] = ['resolved', 'closed'];

function staleVersion(ticketId: number, current: number): AppError {
  return new AppError('ticket.conflict', `Ticket ${ticketId} was changed by someone else; reload it`, { ticketId, currentVersion: current });
}

function mustView(view: TicketView | null, ticketId: number): TicketView {
  if (!view) throw new AppError('ticket.not_found', `Ticket ${ticketId} does not exist`);
  return view;
}
