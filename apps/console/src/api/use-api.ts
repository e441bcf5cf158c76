import { useSessionStore } from '../features/auth/session.store.ts';
import { createApi, type Api } from './endpoints.ts';
import { createHttp } from './http.ts';

/** The API bound to the current session (its cookie travels by itself): any 401 ends the session. */
export function useApi(): Api {
  const session = useSessionStore();
  return createApi(createHttp({ onUnauthorized: () => session.reset() }));
}
