import type { RecoveryTaskDto, TicketDetailDto } from '@keluh/contracts';
import { createHttp, type Http } from '../../api/http.ts';
import { useSessionStore } from '../auth/session.store.ts';

export function createRecoveryApi(http: Http) {
  return {
    recoveryTasks: () => http<{ items: RecoveryTaskDto[] }>('/api/recovery-tasks', { query: { state: 'open' } }),
    /** The task names only ids: the ticket tells who the customer is and what it was about. */
    ticket: (id: number) => http<TicketDetailDto>(`/api/tickets/${id}`),
    closeTask: (id: number, note: string) => http<RecoveryTaskDto>(`/api/recovery-tasks/${id}/close`, { method: 'POST', body: { note } }),
  };
}

export type RecoveryApi = ReturnType<typeof createRecoveryApi>;

export function useRecoveryApi(): RecoveryApi {
  const session = useSessionStore();
  return createRecoveryApi(createHttp({ onUnauthorized: () => session.reset() }));
}
