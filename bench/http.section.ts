import { drive, type LoadResult } from './support/load.ts';

export interface HttpFigures {
  health: LoadResult;
  inbox: LoadResult;
}

/** The floor of any request (GET /healthz) and the inbox page agents load most (GET /api/tickets?limit=30). */
export async function httpFigures(url: string, token: string): Promise<HttpFigures> {
  const get = (headers: Record<string, string>) => [{ body: '', headers }];
  const health = await drive(`${url}/healthz`, { connections: 10, seconds: 4, method: 'GET', requests: get({}) });
  const inbox = await drive(`${url}/api/tickets?limit=30`, { connections: 10, seconds: 4, method: 'GET', requests: get({ authorization: `Bearer ${token}` }) });
  return { health, inbox };
}
