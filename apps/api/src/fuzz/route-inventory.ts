import type { FastifyInstance, HTTPMethods } from 'fastify';

export interface AppRoute {
  method: string;
  /** Fastify's pattern, e.g. `/api/tickets/:id`. */
  path: string;
  /** The `:name` parameters in `path`, in order; `*` for a wildcard tail. */
  params: string[];
  /** From the OpenAPI document; null for routes hidden from it (static files, Swagger UI). */
  doc: { query: string[]; hasBody: boolean } | null;
}

/** `METHOD /path` without a trailing slash: `/api/tickets` and `/api/tickets/` are one route to us. */
export const routeKey = (method: string, path: string) => `${method} ${path.length > 1 ? path.replace(/\/$/, '') : path}`;

/**
 * Every route the app serves, read from its own router (`printRoutes`), so a route added later is fuzzed
 * without anyone listing it. The radix-tree printout is used because it is exact (the `commonPrefix:
 * false` one files `/docs/static/*` under `/docs/`): each line is `<indent>├── <piece> (METHODS)`, and a
 * route's path is the pieces from the root down to it. Every parsed route is checked with `hasRoute`, so
 * a change in the printout's format fails loudly instead of hiding routes.
 */
export function routesOf(app: FastifyInstance): { method: string; path: string }[] {
  const routes: { method: string; path: string }[] = [];
  const stack: string[] = [];
  for (const line of app.printRoutes().split('\n')) {
    const match = /^((?:[│ ] {3})*)[├└]── (.+?)(?: \(([A-Z, ]+)\))?$/u.exec(line);
    if (!match) continue;
    const depth = match[1]!.length / 4;
    stack.length = depth;
    stack.push(match[2]!);
    const path = stack.join('');
    for (const method of match[3]?.split(', ') ?? []) routes.push({ method, path });
  }
  for (const route of routes) {
    if (!app.hasRoute({ method: route.method as HTTPMethods, url: route.path })) throw new Error(`printRoutes listed ${route.method} ${route.path}, which hasRoute does not know`);
  }
  if (routes.length < 10) throw new Error(`Only ${routes.length} routes parsed from printRoutes: has its format changed?`);
  return routes;
}

interface OpenApiOperation {
  parameters?: { in: string; name: string }[];
  requestBody?: unknown;
}

/** The routes with what the OpenAPI document (/docs/json) says about their query and body. */
export async function inventory(app: FastifyInstance): Promise<AppRoute[]> {
  const document = (await app.inject({ method: 'GET', url: '/docs/json' })).json<{ paths: Record<string, Record<string, OpenApiOperation>> }>();
  const documented = new Map<string, OpenApiOperation>();
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(operations)) documented.set(routeKey(method.toUpperCase(), path.replace(/\{(\w+)\}/g, ':$1')), operation);
  }
  return routesOf(app).map(({ method, path }) => {
    // HEAD is Fastify's twin of a GET: documented under the GET.
    const operation = documented.get(routeKey(method, path)) ?? (method === 'HEAD' ? documented.get(routeKey('GET', path)) : undefined);
    const params = [...path.matchAll(/:(\w+)|\*/g)].map((found) => found[1] ?? '*');
    return {
      method,
      path,
      params,
      doc: operation ? { query: (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name), hasBody: operation.requestBody !== undefined } : null,
    };
  });
}
