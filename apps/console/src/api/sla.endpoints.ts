import type { HolidayListDto, SlaPolicyBody, SlaPolicyDto, TeamCalendarBody, TeamCalendarDto, TeamCalendarListItemDto } from '@keluh/contracts';
import type { Http } from './http.ts';

/** Settings → SLA: policies, team hours and holiday lists (docs/supervisors.md §SLA); paths live here only. */
export function createSlaApi(http: Http) {
  return {
    slaPolicies: () => http<{ items: SlaPolicyDto[] }>('/api/sla/policies'),
    createSlaPolicy: (body: SlaPolicyBody) => http<SlaPolicyDto>('/api/sla/policies', { method: 'POST', body }),
    updateSlaPolicy: (id: number, body: SlaPolicyBody) => http<SlaPolicyDto>(`/api/sla/policies/${id}`, { method: 'PUT', body }),
    deleteSlaPolicy: (id: number) => http<void>(`/api/sla/policies/${id}`, { method: 'DELETE' }),
    teamCalendars: () => http<{ items: TeamCalendarListItemDto[] }>('/api/sla/calendars'),
    saveTeamCalendar: (teamId: number, body: TeamCalendarBody) => http<TeamCalendarDto>(`/api/sla/teams/${teamId}/calendar`, { method: 'PUT', body }),
    holidayLists: () => http<{ items: HolidayListDto[] }>('/api/sla/holiday-lists'),
    saveHolidayList: (id: number, body: Pick<HolidayListDto, 'name' | 'holidays'>) => http<HolidayListDto>(`/api/sla/holiday-lists/${id}`, { method: 'PUT', body }),
  };
}
