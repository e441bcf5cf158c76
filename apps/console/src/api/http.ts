/** A failed API call: the server's stable error code (or a client-side one) plus its developer message. */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: string, status: number, message?: string, details?: Record<string, unknown>) {
    super(message ?? code);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.details = details;
  }
}

/** Codes the client invents when the server could not answer with one of its own. */
export const CLIENT_ERROR_CODES = { network: 'client.network', badResponse: 'client.bad_response' } as const;

export interface HttpOptions {
  /** Called on any 401 so the session can be dropped; the call still rejects with the ApiError. */
  onUnauthorized?: (error: ApiError) => void;
  baseUrl?: string;
  fetch?: typeof fetch;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | null | undefined>;
  signal?: AbortSignal;
}

export type Http = <T>(path: string, options?: RequestOptions) => Promise<T>;

const SAFE_METHODS = new Set(['GET', 'HEAD']);

/**
 * The session rides in the httpOnly cookie, which the browser attaches by itself. A change (POST, PUT,
 * PATCH, DELETE) always goes out as JSON — `{}` when there is nothing to say — because the server refuses
 * cookie-authenticated changes in any other content type (its CSRF defence); the browser adds Origin.
 */
export function createHttp(options: HttpOptions = {}): Http {
  const baseUrl = options.baseUrl ?? '';
  return async function request<T>(path: string, init: RequestOptions = {}): Promise<T> {
    const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
    const method = init.method ?? 'GET';
    const body = init.body ?? (SAFE_METHODS.has(method) ? undefined : {});
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';

    let response: Response;
    try {
      response = await doFetch(baseUrl + path + queryString(init.query), {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'same-origin',
        signal: init.signal,
      });
    } catch (cause) {
      if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
      throw new ApiError(CLIENT_ERROR_CODES.network, 0, cause instanceof Error ? cause.message : String(cause));
    }

    if (response.ok) {
      if (response.status === 204) return undefined as T;
      const text = await response.text();
      if (text === '') return undefined as T;
      try {
        return JSON.parse(text) as T;
      } catch {
        throw new ApiError(CLIENT_ERROR_CODES.badResponse, response.status, 'Response is not JSON');
      }
    }

    const error = await errorFrom(response);
    if (response.status === 401) options.onUnauthorized?.(error);
    throw error;
  };
}

async function errorFrom(response: Response): Promise<ApiError> {
  try {
    const body: unknown = await response.json();
    if (isErrorBody(body)) {
      return new ApiError(body.error.code, response.status, body.error.message, body.error.details);
    }
  } catch {
    // Not JSON (a proxy's HTML error page, an empty body): fall through to a generic code.
  }
  return new ApiError(CLIENT_ERROR_CODES.badResponse, response.status, `HTTP ${response.status}`);
}

function isErrorBody(
  body: unknown,
): body is { error: { code: string; message?: string; details?: Record<string, unknown> } } {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = (body as { error: unknown }).error;
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string';
}

function queryString(query: RequestOptions['query']): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
