import type {
  ChannelViewDto,
  LoginBody,
  LoginResponse,
  MessageDto,
  TemplateDto,
  TicketDetailDto,
  TicketPageDto,
  TicketViewDto,
  UpdateTicketBody,
  UserDto,
} from '@keluh/contracts';
import type { Http } from './http.ts';
import { createWorkflowApi } from './workflow.endpoints.ts';
import { createSlaApi } from './sla.endpoints.ts';
import { createCustomersApi } from './customers.endpoints.ts';
import { createAdminApi } from './admin.endpoints.ts';
import { createPresenceApi } from './presence.endpoints.ts';
import { createSearchApi } from './search.endpoints.ts';
import { createMovesApi } from './moves.endpoints.ts';

/** Query as the console sends it: lists joined with commas, `none` for unassigned. */
export interface TicketListQuery {
  status?: string;
  channel?: string;
  assigneeId?: string;
  customerType?: string;
  characteristic?: string;
  limit?: number;
  cursor?: string | null;
}

/** Free text, or an approved WhatsApp template with its {{n}} values in order. */
export type ReplyContent = { body: string } | { template: { name: string; language: string; parameters: string[] } };
/** What the agent had seen (`seenMessageId`) and whether they send past a `reply.collision` warning. */
/** `identityId`: the customer's identity picked in the composer (default: the one they last wrote from). */
export type ReplyPayload = ReplyContent & { seenMessageId?: number; force?: boolean; identityId?: number };

/** Channels whose credentials an admin edits in the console. */
export type ConfigurableChannel = 'whatsapp' | 'instagram';

/** One typed function per endpoint the console uses; paths and shapes live here only. */
export function createApi(http: Http) {
  return {
    login: (body: LoginBody) => http<LoginResponse>('/api/auth/login', { method: 'POST', body }),
    logout: () => http<void>('/api/auth/logout', { method: 'POST' }),
    me: () => http<{ user: UserDto }>('/api/auth/me'),
    users: () => http<{ items: UserDto[] }>('/api/users'),
    listTickets: (query: TicketListQuery, signal?: AbortSignal) =>
      http<TicketPageDto>('/api/tickets', { query: { ...query }, signal }),
    ticket: (id: number, signal?: AbortSignal) => http<TicketDetailDto>(`/api/tickets/${id}`, { signal }),
    reply: (id: number, payload: ReplyPayload) =>
      http<MessageDto>(`/api/tickets/${id}/messages`, { method: 'POST', body: payload }),
    updateTicket: (id: number, changes: UpdateTicketBody) =>
      http<TicketViewDto>(`/api/tickets/${id}`, { method: 'PATCH', body: changes }),
    markRead: (id: number) => http<TicketViewDto>(`/api/tickets/${id}/read`, { method: 'POST' }),
    channels: () => http<{ items: ChannelViewDto[] }>('/api/channels'),
    saveChannel: (kind: ConfigurableChannel, settings: Record<string, string>) =>
      http<ChannelViewDto>(`/api/channels/${kind}`, { method: 'PUT', body: settings }),
    whatsappTemplates: () => http<{ items: TemplateDto[] }>('/api/channels/whatsapp/templates'),
    ...createWorkflowApi(http),
    ...createSlaApi(http),
    ...createAdminApi(http),
    ...createPresenceApi(http),
    ...createCustomersApi(http),
    ...createSearchApi(http),
    ...createMovesApi(http),
  };
}

export type Api = ReturnType<typeof createApi>;
