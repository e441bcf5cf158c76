import type { AgentEvent, MessageDto, TicketViewDto } from '@keluh/contracts';

const at = (minute: number) => new Date(Date.UTC(2025, 0, 6, 9, minute)).toISOString();

export function ticket(id: number, overrides: Partial<TicketViewDto> & { minute?: number } = {}): TicketViewDto {
  const { minute = id, ...rest } = overrides;
  return {
    id,
    customerId: id,
    subject: `Subject ${id}`,
    status: 'open',
    stage: 1,
    priority: 'normal',
    assigneeId: null,
    teamId: null,
    channel: 'whatsapp',
    lastChannel: 'whatsapp',
    unreadCount: 0,
    lastMessageAt: at(minute),
    lastMessagePreview: `Preview ${id}`,
    lastInboundAt: at(minute),
    firstResponseAt: null,
    resolvedAt: null,
    previousTicketId: null,
    mergedIntoTicketId: null,
    version: 1,
    createdAt: at(0),
    updatedAt: at(minute),
    customer: { id, name: `Customer ${id}`, type: 'external', characteristic: 'new', language: 'id' },
    assignee: null,
    ...rest,
  };
}

export function message(id: number, ticketId: number, overrides: Partial<MessageDto> & { minute?: number } = {}): MessageDto {
  const { minute = id, ...rest } = overrides;
  return {
    id,
    ticketId,
    direction: 'in',
    authorKind: 'customer',
    authorUserId: null,
    authorName: 'Customer',
    channel: 'whatsapp',
    identityId: null,
    externalId: `wamid.${id}`,
    body: `Body ${id}`,
    attachments: [],
    status: 'received',
    error: null,
    via: null,
    replyToExternalId: null,
    context: null,
    automated: false,
    placeholder: null,
    template: null,
    choices: null,
    editCount: 0,
    editedAt: null,
    deletedAt: null,
    reactions: [],
    emotion: null,
    sentAt: at(minute),
    createdAt: at(minute),
    updatedAt: at(minute),
    ...rest,
  };
}

export const events = {
  ticketCreated: (id: number, t: TicketViewDto): AgentEvent => ({
    id,
    type: 'ticket.created',
    ticketId: t.id,
    createdAt: t.updatedAt,
    payload: { ticket: t },
  }),
  ticketUpdated: (id: number, t: TicketViewDto, changes: string[] = ['status']): AgentEvent => ({
    id,
    type: 'ticket.updated',
    ticketId: t.id,
    createdAt: t.updatedAt,
    payload: { ticket: t, changes },
  }),
  messageCreated: (id: number, m: MessageDto, t: TicketViewDto): AgentEvent => ({
    id,
    type: 'message.created',
    ticketId: t.id,
    createdAt: m.createdAt,
    payload: { message: m, ticket: t },
  }),
  messageStatus: (id: number, m: Pick<MessageDto, 'id' | 'ticketId'>, status: MessageDto['status'], error: MessageDto['error'] = null): AgentEvent => ({
    id,
    type: 'message.status',
    ticketId: m.ticketId,
    createdAt: at(59),
    payload: { messageId: m.id, ticketId: m.ticketId, status, error },
  }),
};
