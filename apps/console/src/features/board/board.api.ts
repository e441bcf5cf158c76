import type { BoardSnapshotDto, TicketViewDto } from '@keluh/contracts';
import { createHttp, type Http } from '../../api/http.ts';
import { useSessionStore } from '../auth/session.store.ts';

export function createBoardApi(http: Http) {
  return {
    snapshot: (teamId: number | null) => http<BoardSnapshotDto>('/api/board', { query: teamId === null ? {} : { teamId: String(teamId) } }),
    reassign: (ticketId: number, assigneeId: number) => http<TicketViewDto>(`/api/tickets/${ticketId}`, { method: 'PATCH', body: { assigneeId } }),
  };
}

export type BoardApi = ReturnType<typeof createBoardApi>;

export function useBoardApi(): BoardApi {
  const session = useSessionStore();
  return createBoardApi(createHttp({ onUnauthorized: () => session.reset() }));
}
