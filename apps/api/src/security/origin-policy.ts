import type { Config } from '../config/config.ts';

/** Which browser origins may act on our behalf; `host` is the Host our server was reached by. */
export interface OriginPolicy {
  allows(origin: string | undefined, host: string | undefined): boolean;
}

/**
 * The page is ours when its origin names the host the browser sent this very request to. A browser
 * fills both headers itself, so a foreign page cannot fake either. The scheme is not compared: behind a
 * TLS-terminating proxy the server cannot know it without trusting headers, and a page served over the
 * other scheme of this same host is ours as well.
 */
export function isSameHost(origin: string, host: string | undefined): boolean {
  if (!host) return false;
  try {
    const page = new URL(origin);
    // Read with the page's scheme, so an explicit default port (`desk.example:443`) compares equal.
    return page.host === new URL(`${page.protocol}//${host}`).host;
  } catch {
    // `Origin: null` (sandboxed frames, some redirects) is nobody we know.
    return false;
  }
}

/** Our own host, PUBLIC_URL (for a proxy that rewrites Host) and the extra origins; never a missing Origin. */
function ownOriginsAnd(publicUrl: string | undefined, extra: readonly string[]): OriginPolicy {
  const allowed = new Set([...(publicUrl ? [new URL(publicUrl).origin] : []), ...extra]);
  const isListed = (origin: string) => {
    try {
      return allowed.has(new URL(origin).origin);
    } catch {
      return false;
    }
  };
  return { allows: (origin, host) => origin !== undefined && (isSameHost(origin, host) || isListed(origin)) };
}

/** The console's own origin plus CONSOLE_ORIGINS (e.g. a development server on another port). */
export function consoleOriginPolicy(config: Pick<Config, 'PUBLIC_URL' | 'CONSOLE_ORIGINS'>): OriginPolicy {
  return ownOriginsAnd(config.PUBLIC_URL, config.CONSOLE_ORIGINS);
}

/**
 * Pages allowed to open the widget's socket: any with WIDGET_ORIGINS `*` (a missing Origin included,
 * since non-browser clients send none), otherwise ours and the listed sites only.
 */
export function widgetOriginPolicy(config: Pick<Config, 'PUBLIC_URL' | 'WIDGET_ORIGINS'>): OriginPolicy {
  return config.WIDGET_ORIGINS === '*' ? { allows: () => true } : ownOriginsAnd(config.PUBLIC_URL, config.WIDGET_ORIGINS);
}
