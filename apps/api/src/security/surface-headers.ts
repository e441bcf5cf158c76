import type { Config } from '../config/config.ts';

/** The kinds of response the one port serves, each with the headers it needs. */
export type Surface = 'console' | 'docs' | 'widget' | 'demo' | 'api';

const under = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`);

export function surfaceOf(url: string): Surface {
  const path = url.split('?')[0]!;
  if (under(path, '/docs')) return 'docs';
  if (path === '/widget.js' || under(path, '/widget')) return 'widget';
  if (under(path, '/demo')) return 'demo';
  if (under(path, '/api') || under(path, '/webhooks') || under(path, '/socket.io') || path === '/healthz') return 'api';
  return 'console';
}

type Directives = Record<string, readonly string[]>;

const SELF = ["'self'"];
const NONE = ["'none'"];

/** A Vite build: module scripts, stylesheets and chunks from our origin only; no inline script anywhere. */
const APP: Directives = {
  'default-src': SELF,
  'script-src': SELF,
  'style-src': SELF,
  // data: for the inline SVG favicon; blob: for previews of files being attached.
  'img-src': ["'self'", 'data:', 'blob:'],
  'media-src': ["'self'", 'blob:'],
  'font-src': SELF,
  // 'self' covers the same-origin WebSocket (ws:/wss:) of socket.io as well.
  'connect-src': SELF,
  'object-src': NONE,
  'base-uri': SELF,
  'form-action': SELF,
};

function serialise(directives: Directives): string {
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

/** `*` embeds anywhere; a list embeds on those sites and our own pages (the demo shop). */
function widgetAncestors(config: Pick<Config, 'WIDGET_ORIGINS'>): string[] {
  return config.WIDGET_ORIGINS === '*' ? ['*'] : ["'self'", ...config.WIDGET_ORIGINS];
}

export interface SurfaceHeaders {
  csp: string;
  /** For browsers that predate frame-ancestors; it cannot express an allow-list, so embeddable surfaces omit it. */
  frameOptions: 'DENY' | null;
}

export function surfaceHeaders(config: Pick<Config, 'WIDGET_ORIGINS'>): Record<Surface, SurfaceHeaders> {
  const embeddable = widgetAncestors(config);
  return {
    console: { csp: serialise({ ...APP, 'frame-ancestors': NONE }), frameOptions: 'DENY' },
    // Swagger UI ships its scripts as files (no inline script) but injects <style> elements as it renders.
    docs: {
      csp: serialise({ ...APP, 'style-src': ["'self'", "'unsafe-inline'"], 'img-src': ["'self'", 'data:'], 'font-src': ["'self'", 'data:'], 'frame-ancestors': NONE }),
      frameOptions: 'DENY',
    },
    widget: { csp: serialise({ ...APP, 'frame-ancestors': embeddable }), frameOptions: null },
    // The demo shop stands in for a customer's page: hand-written, with inline styles, embedding our iframe.
    demo: { csp: serialise({ ...APP, 'style-src': ["'self'", "'unsafe-inline'"], 'frame-src': SELF, 'frame-ancestors': embeddable }), frameOptions: null },
    // JSON and files are never meant to render as a page: if one is opened, it may run and embed nothing.
    api: { csp: serialise({ 'default-src': NONE, 'frame-ancestors': NONE }), frameOptions: 'DENY' },
  };
}

/** Sent only over TLS (a browser ignores it on http anyway); no includeSubDomains, since other hosts are not ours. */
export const HSTS = 'max-age=15552000';
