import type { AuditPageDto, ChannelRoutingBody, StaffMemberDto, TeamDto, ThreadingSettingsBody, TicketSettingsBody, UserDto } from '@keluh/contracts';
import type { AssignmentMode, AuditAction, ChannelKind } from '@keluh/core';
import type { Http } from './http.ts';

export interface InviteBody {
  name: string;
  email: string;
  role: string;
  teamIds: number[];
  language?: 'id' | 'en';
}
export interface TeamBody {
  name: string;
  timeZone: string;
  assignmentMode: AssignmentMode;
  defaultCapacity: number;
}

/** Users, teams and the audit log (docs/supervisors.md §Console and settings); paths live here only. */
export function createAdminApi(http: Http) {
  const user = (id: number) => `/api/admin/users/${id}`;
  return {
    staff: () => http<{ items: StaffMemberDto[] }>('/api/admin/users'),
    invite: (body: InviteBody) => http<{ user: StaffMemberDto; oneTimePassword: string }>('/api/admin/users', { method: 'POST', body }),
    setRole: (id: number, role: string) => http<UserDto>(`${user(id)}/role`, { method: 'PUT', body: { role } }),
    setUserTeams: (id: number, teamIds: number[]) => http<{ teamIds: number[] }>(`${user(id)}/teams`, { method: 'PUT', body: { teamIds } }),
    setCapacities: (id: number, capacities: { channel: ChannelKind; maxOpen: number }[]) =>
      http<{ capacities: StaffMemberDto['capacities'] }>(`${user(id)}/capacities`, { method: 'PUT', body: { capacities } }),
    deactivate: (id: number) => http<UserDto>(`${user(id)}/deactivate`, { method: 'POST' }),
    teams: () => http<{ items: TeamDto[] }>('/api/teams'),
    createTeam: (body: TeamBody) => http<TeamDto>('/api/admin/teams', { method: 'POST', body }),
    updateTeam: (id: number, body: Partial<TeamBody>) => http<TeamDto>(`/api/admin/teams/${id}`, { method: 'PATCH', body }),
    setTeamMembers: (id: number, userIds: number[]) => http<TeamDto>(`/api/admin/teams/${id}/members`, { method: 'PUT', body: { userIds } }),
    ticketSettings: () => http<TicketSettingsBody>('/api/settings/tickets'),
    saveTicketSettings: (body: TicketSettingsBody) => http<TicketSettingsBody>('/api/settings/tickets', { method: 'PUT', body }),
    threadingSettings: () => http<ThreadingSettingsBody>('/api/settings/threading'),
    saveThreadingSettings: (body: ThreadingSettingsBody) => http<ThreadingSettingsBody>('/api/settings/threading', { method: 'PUT', body }),
    widgetIdentitySecret: () => http<{ secret: string }>('/api/settings/widget-identity'),
    rotateWidgetIdentitySecret: () => http<{ secret: string }>('/api/settings/widget-identity/rotate', { method: 'POST' }),
    channelRouting: () => http<ChannelRoutingBody>('/api/settings/routing'),
    saveChannelRouting: (body: ChannelRoutingBody) => http<ChannelRoutingBody>('/api/settings/routing', { method: 'PUT', body }),
    audit: (query: { action?: AuditAction; before?: number; limit?: number }) => http<AuditPageDto>('/api/audit', { query }),
  };
}
