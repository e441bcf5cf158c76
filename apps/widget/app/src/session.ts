import type { WidgetConversationDto, WidgetSessionResponse } from '@keluh/contracts';

/*
 * The visitor's session. POST /api/widget/sessions answers a short-lived access token (`visitorToken`,
 * kept in memory, shown to the API and the socket) and a refresh token (kept in localStorage, shown only
 * to that endpoint). Every page load and every expired access token spends the refresh token for a new
 * pair, so the visitor — and their conversation — stays the same across reloads.
 *
 * The refresh token lives in localStorage, not a cookie: the widget runs in a third-party iframe, where
 * browsers block or partition cookies. Storage can be blocked too (Safari, privacy modes): then it lives
 * in memory for this page only. Tabs share storage, so the token is always read from it right before use.
 */

export const REFRESH_TOKEN_KEY = 'keluh.refreshToken';
/** Where widgets before sessions kept their never-expiring `v1.` token; exchanged once, then removed. */
export const LEGACY_TOKEN_KEY = 'keluh.visitorToken';

type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface TokenStore {
  read(): string | null;
  write(refreshToken: string): void;
  /** Removes the refresh token, unless another tab has meanwhile stored a newer one. */
  clear(spent?: string): void;
  readLegacy(): string | null;
  clearLegacy(): void;
}

export function createTokenStore(storage: KeyValueStorage | null): TokenStore {
  let memory: string | null = null;
  let legacyMemory: string | null = null;
  const attempt = <T>(fn: (s: KeyValueStorage) => T, fallback: T): T => {
    try {
      return storage ? fn(storage) : fallback;
    } catch {
      return fallback;
    }
  };
  const store: TokenStore = {
    read: () => attempt((s) => s.getItem(REFRESH_TOKEN_KEY), null) ?? memory,
    write(refreshToken) {
      memory = refreshToken;
      attempt((s) => s.setItem(REFRESH_TOKEN_KEY, refreshToken), undefined);
      store.clearLegacy();
    },
    clear(spent) {
      if (spent !== undefined && store.read() !== spent) return;
      memory = null;
      attempt((s) => s.removeItem(REFRESH_TOKEN_KEY), undefined);
    },
    readLegacy: () => attempt((s) => s.getItem(LEGACY_TOKEN_KEY), null) ?? legacyMemory,
    clearLegacy() {
      legacyMemory = null;
      attempt((s) => s.removeItem(LEGACY_TOKEN_KEY), undefined);
    },
  };
  return store;
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
    /** From `details.retryAfterMs` or the Retry-After header of a 429. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export type SessionCredential = { refreshToken: string } | { visitorToken: string } | { identity: string } | null;

export interface WidgetApi {
  createSession(credential: SessionCredential): Promise<WidgetSessionResponse>;
  conversation(visitorToken: string): Promise<WidgetConversationDto>;
}

function retryAfterOf(response: Response, details: Record<string, unknown>): number | null {
  if (typeof details.retryAfterMs === 'number') return details.retryAfterMs;
  const header = Number(response.headers.get('retry-after'));
  return Number.isFinite(header) && header > 0 ? header * 1000 : null;
}

export function createWidgetApi(origin: string, fetchFn: FetchLike): WidgetApi {
  const call = async <T>(path: string, init: RequestInit): Promise<T> => {
    const response = await fetchFn(`${origin}${path}`, { ...init, credentials: 'omit' });
    const payload: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      const error = (payload as { error?: { code?: string; message?: string; details?: Record<string, unknown> } } | null)?.error;
      const details = error?.details ?? {};
      throw new HttpError(response.status, error?.code ?? `http.${response.status}`, error?.message ?? response.statusText, details, retryAfterOf(response, details));
    }
    return payload as T;
  };
  return {
    createSession: (credential) =>
      call('/api/widget/sessions', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(credential ?? {}),
      }),
    conversation: (visitorToken) => call('/api/widget/conversation', { headers: { authorization: `Bearer ${visitorToken}` } }),
  };
}

/** Any 401: the credential is expired, revoked, forged or from another installation. */
export const isAuthRefusal = (error: unknown): error is HttpError => error instanceof HttpError && error.status === 401;

/** Another tab spent the same refresh token a moment ago; its newer one is (about to be) in storage. */
const isSuperseded = (error: unknown): boolean => isAuthRefusal(error) && error.details.superseded === true;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface SessionOptions {
  /** Waits for another tab to store its newer token; default real timers. */
  wait?: (ms: number) => Promise<unknown>;
  /** The site's signed user: their own (verified) visitor, whatever this browser stored before. */
  siteIdentity?: string | null;
}

/**
 * Refreshes the stored session, upgrades a pre-session token, or starts a new visitor when there is no
 * usable credential. Only a refusal (401) gives a credential up; a network error or a 429 keeps it.
 */
export async function openSession(api: WidgetApi, store: TokenStore, options: SessionOptions = {}): Promise<WidgetSessionResponse> {
  const wait = options.wait ?? pause;
  let identity = options.siteIdentity ?? null;
  for (let attempt = 0; ; attempt += 1) {
    if (identity) {
      try {
        const session = await api.createSession({ identity });
        store.write(session.refreshToken);
        return session;
      } catch (error) {
        // A signature the server refuses (a rotated secret): chat on as an anonymous visitor rather than not at all.
        if (!isAuthRefusal(error)) throw error;
        identity = null;
        continue;
      }
    }
    const refreshToken = store.read();
    const legacy = refreshToken ? null : store.readLegacy();
    const credential: SessionCredential = refreshToken ? { refreshToken } : legacy ? { visitorToken: legacy } : null;
    try {
      const session = await api.createSession(credential);
      store.write(session.refreshToken);
      return session;
    } catch (error) {
      if (!credential || !isAuthRefusal(error)) throw error;
      if (refreshToken && isSuperseded(error) && attempt < 3) {
        await wait(250 * (attempt + 1));
        continue;
      }
      if (refreshToken) store.clear(refreshToken);
      else store.clearLegacy();
    }
  }
}

/** Session plus history; a session that dies between the two calls is refreshed (or replaced) once. */
export async function loadConversation(
  api: WidgetApi,
  store: TokenStore,
  options: SessionOptions = {},
): Promise<{ session: WidgetSessionResponse; conversation: WidgetConversationDto }> {
  let session = await openSession(api, store, options);
  try {
    return { session, conversation: await api.conversation(session.visitorToken) };
  } catch (error) {
    if (!isAuthRefusal(error)) throw error;
    session = await openSession(api, store, options);
    return { session, conversation: await api.conversation(session.visitorToken) };
  }
}
