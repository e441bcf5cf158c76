import type { PresenceMeResponse, PresenceResponse } from '@keluh/contracts';
import type { PresenceStatus } from '@keluh/core';
import type { Http } from './http.ts';

export function createPresenceApi(http: Http) {
  return {
    presence: () => http<PresenceResponse>('/api/presence'),
    choosePresence: (status: PresenceStatus) => http<PresenceMeResponse>('/api/presence/me', { method: 'PUT', body: { status } }),
  };
}
