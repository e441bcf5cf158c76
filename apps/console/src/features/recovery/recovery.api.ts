import type { RecoveryTaskDto } from '@keluh/contracts';
import { createHttp, type Http } from '../../api/http.ts';
import { useSessionStore } from '../auth/session.store.ts';

export function createRecoveryApi(http: Http) {
  return {
    recoveryTasks: () => http<{ items: RecoveryTaskDto[] }>('/api/recovery-tasks', { query: { state: 'open' } }),
    closeTask: (id: number, note: string) => http<RecoveryTaskDto>(`/api/recovery-tasks/${id}/close`, { method: 'POST', body: { note } }),
  };
}

export type RecoveryApi = ReturnType<typeof createRecoveryApi>;

export function useRecoveryApi(): RecoveryApi {
  const session = useSessionStore();
  return createRecoveryApi(createHttp({ onUnauthorized: () => session.reset() }));
}
