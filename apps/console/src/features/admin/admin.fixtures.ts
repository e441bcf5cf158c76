import type { StaffMemberDto, TeamDto } from '@keluh/contracts';

export const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

export const staffMember = (id: number, overrides: Partial<StaffMemberDto> = {}): StaffMemberDto => ({
  id, email: `user${id}@toko.id`, name: `User ${id}`, role: 'agent', language: 'id', teamId: null, teamIds: [], createdAt: '2026-01-05T02:00:00.000Z',
  deactivatedAt: null, capacities: [], ...overrides,
});

export const team = (id: number, overrides: Partial<TeamDto> = {}): TeamDto => ({
  id, name: `Team ${id}`, timeZone: 'Asia/Jakarta', assignmentMode: 'manual', defaultCapacity: 5, memberIds: [], ...overrides,
});

/** Every request the page made, as `METHOD path?query` with its parsed body. */
export function requestLog(fetch: { mock: { calls: unknown[][] } }) {
  return fetch.mock.calls.map(([url, init]) => {
    const request = init as RequestInit | undefined;
    return { call: `${request?.method ?? 'GET'} ${String(url)}`, body: request?.body ? JSON.parse(String(request.body)) : undefined };
  });
}
