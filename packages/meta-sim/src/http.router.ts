import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/**
 * A deliberately tiny router over node:http. The sim needs byte-exact control of bodies and the
 * ability to hold a response open while it POSTs a webhook first (the §2.5 race), and it must not
 * drag a web framework into @keluh/channels' dependencies — so no Fastify here.
 */

export interface SimRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface SimResponse {
  status: number;
  /** Objects are sent as JSON; Buffers and strings as-is. */
  body?: unknown;
  contentType?: string;
  headers?: Record<string, string>;
}

export type RouteHandler = (request: SimRequest) => Promise<SimResponse> | SimResponse;

interface Route {
  method: string;
  segments: string[];
  handler: RouteHandler;
}

const MAX_BODY_BYTES = 64 * 1024 * 1024;

export class Router {
  private readonly routes: Route[] = [];

  /** Patterns like `/:version/:id/messages`; the first registered match wins. */
  add(method: string, pattern: string, handler: RouteHandler): this {
    this.routes.push({ method, segments: split(pattern), handler });
    return this;
  }

  match(method: string, path: string): { handler: RouteHandler; params: Record<string, string> } | undefined {
    const parts = split(path);
    for (const route of this.routes) {
      if (route.method !== method || route.segments.length !== parts.length) continue;
      const params: Record<string, string> = {};
      const ok = route.segments.every((segment, i) => {
        const part = parts[i] as string;
        if (segment.startsWith(':')) {
          params[segment.slice(1)] = decodeURIComponent(part);
          return true;
        }
        return segment === part;
      });
      if (ok) return { handler: route.handler, params };
    }
    return undefined;
  }
}

function split(path: string): string[] {
  return path.split('/').filter((s) => s.length > 0);
}

export interface ServerHooks {
  notFound: (request: SimRequest) => SimResponse;
  onError: (error: unknown, request: SimRequest) => SimResponse;
}

export function createRouterServer(router: Router, hooks: ServerHooks): Server {
  return createServer((req, res) => {
    void handle(router, hooks, req, res);
  });
}

async function handle(router: Router, hooks: ServerHooks, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const request: SimRequest = {
    method: req.method ?? 'GET',
    path: url.pathname,
    params: {},
    query: url.searchParams,
    headers: req.headers,
    body: Buffer.alloc(0),
  };
  let response: SimResponse;
  try {
    request.body = await readBody(req);
    const found = router.match(request.method, request.path);
    if (found) {
      request.params = found.params;
      response = await found.handler(request);
    } else {
      response = hooks.notFound(request);
    }
  } catch (error) {
    response = hooks.onError(error, request);
  }
  write(res, response);
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function write(res: ServerResponse, response: SimResponse): void {
  if (res.destroyed) return;
  const isBytes = Buffer.isBuffer(response.body) || typeof response.body === 'string';
  const payload =
    response.body === undefined ? Buffer.alloc(0) : isBytes ? Buffer.from(response.body as Buffer | string) : Buffer.from(JSON.stringify(response.body));
  const contentType = response.contentType ?? (isBytes ? 'text/plain; charset=utf-8' : 'application/json; charset=UTF-8');
  res.writeHead(response.status, { 'content-type': contentType, 'content-length': payload.length, ...response.headers });
  res.end(payload);
}
