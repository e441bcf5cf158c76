import { pickLanguage, type Lang } from './i18n.ts';

/* What the loader tells the iframe through its query string. All of it comes from a foreign page. */

export const DEFAULT_ACCENT = '#0f766e';

export interface WidgetConfig {
  lang: Lang;
  title: string | null;
  accent: string;
  /** The embedding page's origin: where postMessage may go and be accepted from. */
  parentOrigin: string | null;
  /** Whether the panel starts on screen (false when the loader preloads it hidden). */
  startOpen: boolean;
  /** The embedding site's signed user (`data-identity` on the script tag), checked by the server. */
  siteIdentity: string | null;
}

/** Only the signed form (`<base64url>.<64 hex>`) passes; the server verifies the signature. */
export function readSiteIdentity(hash: string): string | null {
  const value = new URLSearchParams(hash.replace(/^#/, '')).get('identity')?.trim() ?? '';
  return /^[A-Za-z0-9_-]{1,4000}\.[0-9a-f]{64}$/.test(value) ? value : null;
}

/** Colours reach CSS, so only plain forms pass: hex, a colour name, rgb()/hsl() with numbers. */
export function sanitizeColor(value: string | null | undefined): string | null {
  const color = value?.trim() ?? '';
  return /^(#[0-9a-f]{3,8}|[a-z]{3,30}|(rgb|rgba|hsl|hsla)\([\d\s.,%/]+\))$/i.test(color) ? color : null;
}

export function sanitizeOrigin(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

export function readConfig(search: string, navigatorLanguage: string | undefined, hash = ''): WidgetConfig {
  const params = new URLSearchParams(search);
  const title = params.get('title')?.trim().slice(0, 80);
  return {
    lang: pickLanguage(params.get('lang'), navigatorLanguage),
    title: title ? title : null,
    accent: sanitizeColor(params.get('color')) ?? DEFAULT_ACCENT,
    parentOrigin: sanitizeOrigin(params.get('parent')),
    startOpen: params.get('open') !== '0',
    siteIdentity: readSiteIdentity(hash),
  };
}
