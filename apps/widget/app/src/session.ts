import type { WidgetConversationDto, WidgetSessionResponse } from '@keluh/contracts';

/*
 * The visitor's identity is a signed token from POST /api/widget/sessions, kept in localStorage so the
 * conversation survives reloads. Storage can be blocked (Safari, privacy modes): then the token lives in
 * memory for this page only.
 */

export const VISITOR_TOKEN_KEY = 'keluh.visitorToken';
export const INVALID_TOKEN_CODE = 'widget.invalid_visitor_token';

export interface TokenStore {
  read(): string | null;
  write(token: string): void;
  clear(): void;
}

export function createTokenStore(storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null): TokenStore {
  let memory: string | null = null;
  const attempt = <T>(fn: () => T, fallback: T): T => {
    try {
      return storage ? fn() : fallback;
    } catch {
      return fallback;
    }
  };
  return {
    read: () => attempt(() => storage!.getItem(VISITOR_TOKEN_KEY), null) ?? memory,
    write(token) {
      memory = token;
      attempt(() => storage!.setItem(VISITOR_TOKEN_KEY, token), undefined);
    },
    clear() {
      memory = null;
      attempt(() => storage!.removeItem(VISITOR_TOKEN_KEY), undefined);
    },
  };
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface WidgetApi {
  createSession(visitorToken: string | null): Promise<WidgetSessionResponse>;
  conversation(visitorToken: string): Promise<WidgetConversationDto>;
}

export function createWidgetApi(origin: string, fetchFn: FetchLike): WidgetApi {
  const call = async <T>(path: string, init: RequestInit): Promise<T> => {
    const response = await fetchFn(`${origin}${path}`, { ...init, credentials: 'omit' });
    const payload: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      const error = (payload as { error?: { code?: string; message?: string } } | null)?.error;
      throw new HttpError(response.status, error?.code ?? `http.${response.status}`, error?.message ?? response.statusText);
    }
    return payload as T;
  };
  return {
    createSession: (visitorToken) =>
      call('/api/widget/sessions', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(visitorToken ? { visitorToken } : {}),
      }),
    conversation: (visitorToken) =>
      call('/api/widget/conversation', { headers: { authorization: `Bearer ${visitorToken}` } }),
  };
}

export const isInvalidToken = (error: unknown): boolean =>
  error instanceof HttpError && error.status === 401;

/** Resumes the stored session, or starts a new one when there is none or the server no longer accepts it. */
export async function openSession(api: WidgetApi, store: TokenStore): Promise<WidgetSessionResponse> {
  const stored = store.read();
  let session: WidgetSessionResponse;
  try {
    session = await api.createSession(stored);
  } catch (error) {
    if (!stored || !isInvalidToken(error)) throw error;
    store.clear();
    session = await api.createSession(null);
  }
  store.write(session.visitorToken);
  return session;
}

/** Session plus history; a token that dies between the two calls is replaced once. */
export async function loadConversation(
  api: WidgetApi,
  store: TokenStore,
): Promise<{ session: WidgetSessionResponse; conversation: WidgetConversationDto }> {
  let session = await openSession(api, store);
  try {
    return { session, conversation: await api.conversation(session.visitorToken) };
  } catch (error) {
    if (!isInvalidToken(error)) throw error;
    store.clear();
    session = await openSession(api, store);
    return { session, conversation: await api.conversation(session.visitorToken) };
  }
}
