import type {
  LoginBody,
  LoginResponse,
  MessageDto,
  TicketDetailDto,
  TicketPageDto,
  TicketViewDto,
  UpdateTicketBody,
  UserDto,
} from '@keluh/contracts';
import type { Http } from './http.ts';

/** Query as the console sends it: lists joined with commas, `none` for unassigned. */
export interface TicketListQuery {
  status?: string;
  channel?: string;
  assigneeId?: string;
  limit?: number;
  cursor?: string | null;
}

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
    reply: (id: number, body: string) =>
      http<MessageDto>(`/api/tickets/${id}/messages`, { method: 'POST', body: { body } }),
    updateTicket: (id: number, changes: UpdateTicketBody) =>
      http<TicketViewDto>(`/api/tickets/${id}`, { method: 'PATCH', body: changes }),
    markRead: (id: number) => http<TicketViewDto>(`/api/tickets/${id}/read`, { method: 'POST' }),
  };
}

export type Api = ReturnType<typeof createApi>;
