import { exceedsTextLimit, textLimits, windowState, type WindowState } from '../channels/channel.rules.ts';
import type { ChannelKind } from '../channels/channel.types.ts';
import { approvedTemplates, renderTemplate } from '../channels/templates.ts';
import { acceptsTemplates, isWindowRefusal, refusalClosesWindow } from '../channels/window.rules.ts';
import { validateMessageBody } from '../messages/message.rules.ts';
import type { MessageTemplate } from '../messages/message.types.ts';
import type { Repositories } from '../ports/repositories.ts';
import { AppError } from '../shared/errors.ts';
import type { Instant } from '../shared/instant.ts';
import type { Ticket } from './ticket.types.ts';
import type { Identity } from '../customers/customer.types.ts';
import { defaultReplyIdentity } from './reply-identity.rules.ts';
import { findReplyCollision } from './collision.rules.ts';

/** Where the ticket's reply channel stands with its messaging window, for the composer and for sends. */
export async function replyWindow(tx: Pick<Repositories, 'identities' | 'messages'>, ticket: Ticket, now: Instant): Promise<WindowState & { channel: ChannelKind }> {
  return replyWindowThrough(tx, ticket, defaultReplyIdentity(ticket, await tx.identities.listForCustomer(ticket.customerId)), now);
}

/**
 * The window of one identity: measured from when the customer last wrote from it. Without an identity
 * (a ticket whose customer has none on the channel) the window is that of the ticket's last channel, unopened.
 */
export async function replyWindowThrough(tx: Pick<Repositories, 'messages'>, ticket: Ticket, identity: Identity | null, now: Instant): Promise<WindowState & { channel: ChannelKind }> {
  const channel = identity?.channel ?? ticket.lastChannel;
  const lastInbound = identity?.lastInboundAt ?? undefined;
  const window = windowState(channel, lastInbound ?? null, now);
  if (lastInbound === undefined || (window.state !== 'open' && window.state !== 'human_agent')) return { channel, ...window };
  // Once the channel refused a reply after the customer's last message, trust it until they write again.
  const refusal = (await tx.messages.listForTicket(ticket.id)).find(
    (m) =>
      m.direction === 'out' && m.channel === channel && (m.identityId === null || m.identityId === identity!.id) &&
      m.status === 'failed' && isWindowRefusal(m.error?.code) && refusalClosesWindow(lastInbound, m.sentAt),
  );
  return refusal ? { channel, state: 'closed', closedAt: refusal.updatedAt } : { channel, ...window };
}

/**
 * Turns what the agent asked to send into the stored reply, refusing up front what the channel would
 * refuse: free text outside the window, text over the channel's limit, unknown templates.
 */
export async function composeReply(
  tx: Repositories,
  ticket: Ticket,
  identity: Identity | null,
  input: { body?: unknown; template?: MessageTemplate | null },
  now: Instant,
): Promise<{ body: string; template: MessageTemplate | null }> {
  const channel = identity?.channel ?? ticket.lastChannel;
  if (input.template) {
    if (!acceptsTemplates(channel)) throw new AppError('channel.unsupported', 'Templates are a WhatsApp feature');
    const approved = approvedTemplates(await tx.channelConfigs.get('whatsapp')).find(
      (candidate) => candidate.name === input.template!.name && candidate.language === input.template!.language,
    );
    if (!approved) {
      throw new AppError('validation.failed', `Template ${input.template.name} (${input.template.language}) is not approved`, {
        issues: [{ path: 'template.name', message: 'Unknown template' }],
      });
    }
    return { body: renderTemplate(approved, input.template.parameters), template: input.template };
  }
  const body = validateMessageBody(input.body);
  if (exceedsTextLimit(channel, body)) {
    const limit = textLimits[channel]!;
    throw new AppError('message.body_too_long', `${channel} accepts at most ${limit.max} ${limit.unit}`, { channel, max: limit.max, unit: limit.unit });
  }
  const window = await replyWindowThrough(tx, ticket, identity, now);
  if (window.state === 'closed') {
    throw new AppError(
      'channel.window_closed',
      channel === 'whatsapp'
        ? 'More than 24 hours since the customer last wrote on WhatsApp: send an approved template'
        : `The ${channel} messaging window has closed: the customer must write first`,
      { channel, closedAt: window.closedAt },
    );
  }
  return { body, template: null };
}

/**
 * Refuses a reply written without seeing another agent's reply of the last minute (`reply.collision`,
 * with who, when and what), unless the agent saw the warning and sends anyway (`force`). Read under the
 * ticket's lock, so of two agents pressing send at once the second one is the one warned.
 */
export async function assertNoReplyCollision(
  tx: Pick<Repositories, 'messages'>,
  ticket: Ticket,
  input: { authorUserId: number; seenMessageId?: number | null; force?: boolean },
  now: Instant,
): Promise<void> {
  if (input.seenMessageId == null) return;
  const messages = await tx.messages.listForTicket(ticket.id);
  if (!messages.some((message) => message.id === input.seenMessageId)) {
    throw new AppError('validation.failed', `Message ${input.seenMessageId} is not on ticket ${ticket.id}`, {
      issues: [{ path: 'seenMessageId', message: 'Not a message of this ticket' }],
    });
  }
  if (input.force) return;
  const collision = findReplyCollision(messages, { authorUserId: input.authorUserId, seenMessageId: input.seenMessageId }, now);
  if (collision) {
    throw new AppError('reply.collision', `${collision.authorName ?? 'Someone'} replied on ticket ${ticket.id} at ${collision.sentAt}, after the newest message seen`, { ...collision });
  }
}
