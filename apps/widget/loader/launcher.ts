/*
 * The script tag's body: a launcher button and a lazily created iframe pointing back at the help desk.
 * It runs on foreign pages, so it uses no framework, touches no globals but `window.Keluh`, and styles
 * through element.style (a page's CSP may forbid injected <style> sheets but not the CSSOM).
 */

export interface KeluhApi {
  open(): void;
  close(): void;
  toggle(): void;
}

type Lang = 'id' | 'en';

const ACTIVE_KEY = 'keluh.active';
const DEFAULT_COLOR = '#0f766e';
const NARROW = '(max-width: 479px)';
const Z = 2147483000;

const labels: Record<Lang, { open: string; close: string; unread: string }> = {
  id: { open: 'Buka chat', close: 'Tutup chat', unread: '{n} pesan baru' },
  en: { open: 'Open chat', close: 'Close chat', unread: '{n} new messages' },
};

const ICON_CHAT =
  '<svg width="28" height="28" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d="M7.9 20A9 9 0 1 0 4 16.1L2 22Z"/><path d="M8 12h.01M12 12h.01M16 12h.01"/></svg>';
const ICON_CLOSE =
  '<svg width="28" height="28" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d="m6 9 6 6 6-6"/></svg>';

export function sanitizeColor(value: string | undefined): string | null {
  const color = value?.trim() ?? '';
  return /^(#[0-9a-f]{3,8}|[a-z]{3,30}|(rgb|rgba|hsl|hsla)\([\d\s.,%/]+\))$/i.test(color) ? color : null;
}

export function pickLang(requested: string | undefined, navigatorLanguage: string | undefined): Lang {
  const value = requested?.trim().toLowerCase();
  if (value === 'id' || value === 'en') return value;
  return navigatorLanguage?.toLowerCase().startsWith('id') ? 'id' : 'en';
}

function css(el: HTMLElement, styles: Record<string, string>) {
  for (const [name, value] of Object.entries(styles)) el.style.setProperty(name, value);
}

function storageFlag(win: Window, write?: boolean): boolean {
  try {
    if (write) win.localStorage.setItem(ACTIVE_KEY, '1');
    return win.localStorage.getItem(ACTIVE_KEY) === '1';
  } catch {
    return false;
  }
}

export function install(win: Window & { Keluh?: KeluhApi }, script: HTMLScriptElement | null): KeluhApi | null {
  if (win.Keluh) return win.Keluh;
  const doc = win.document;
  const tag = script ?? doc.querySelector<HTMLScriptElement>('script[src*="widget.js"]');
  if (!tag?.src) return null;
  const origin = new URL(tag.src, doc.baseURI).origin;
  const lang = pickLang(tag.dataset.lang, win.navigator.language);
  const color = sanitizeColor(tag.dataset.color) ?? DEFAULT_COLOR;
  const text = labels[lang];
  const narrow = win.matchMedia?.(NARROW);

  let frame: HTMLIFrameElement | null = null;
  let isOpen = false;
  let unread = 0;

  const button = doc.createElement('button');
  button.id = 'keluh-launcher';
  button.type = 'button';
  button.setAttribute('aria-haspopup', 'dialog');
  button.setAttribute('aria-controls', 'keluh-frame');
  css(button, {
    position: 'fixed',
    right: '20px',
    bottom: '20px',
    width: '56px',
    height: '56px',
    margin: '0',
    padding: '0',
    border: '0',
    'border-radius': '50%',
    background: color,
    color: '#fff',
    cursor: 'pointer',
    display: 'flex',
    'align-items': 'center',
    'justify-content': 'center',
    'box-shadow': '0 6px 20px rgba(15,23,42,.25), 0 2px 6px rgba(15,23,42,.12)',
    'z-index': String(Z + 1),
    transition: 'transform .2s ease',
    '-webkit-tap-highlight-color': 'transparent',
  });
  button.addEventListener('mouseenter', () => css(button, { transform: 'scale(1.06)' }));
  button.addEventListener('mouseleave', () => css(button, { transform: 'none' }));

  const icon = doc.createElement('span');
  css(icon, { display: 'flex', 'pointer-events': 'none' });
  const badge = doc.createElement('span');
  badge.id = 'keluh-unread';
  badge.setAttribute('aria-hidden', 'true');
  css(badge, {
    position: 'absolute',
    top: '-3px',
    right: '-3px',
    'min-width': '20px',
    height: '20px',
    padding: '0 5px',
    'box-sizing': 'border-box',
    'border-radius': '10px',
    border: '2px solid #fff',
    background: '#ef4444',
    color: '#fff',
    font: '600 11px/16px system-ui,-apple-system,"Segoe UI",Roboto,sans-serif',
    'text-align': 'center',
    display: 'none',
  });
  button.append(icon, badge);

  const render = () => {
    icon.innerHTML = isOpen ? ICON_CLOSE : ICON_CHAT;
    const label = isOpen ? text.close : text.open;
    button.setAttribute('aria-label', unread > 0 && !isOpen ? `${label} (${text.unread.replace('{n}', String(unread))})` : label);
    button.setAttribute('aria-expanded', String(isOpen));
    badge.textContent = unread > 9 ? '9+' : String(unread);
    css(badge, { display: unread > 0 && !isOpen ? 'block' : 'none' });
    // On phones the panel covers the screen and brings its own close button.
    css(button, { display: isOpen && narrow?.matches ? 'none' : 'flex' });
    if (frame) layoutFrame(frame);
  };

  const layoutFrame = (el: HTMLIFrameElement) => {
    const full = narrow?.matches ?? false;
    css(el, {
      position: 'fixed',
      border: '0',
      margin: '0',
      padding: '0',
      background: '#fff',
      'color-scheme': 'light',
      'z-index': String(Z),
      top: full ? '0' : 'auto',
      left: full ? '0' : 'auto',
      right: full ? '0' : '20px',
      bottom: full ? '0' : '88px',
      width: full ? '100%' : '370px',
      height: full ? '100%' : '560px',
      'max-width': full ? 'none' : 'calc(100vw - 40px)',
      'max-height': full ? 'none' : 'calc(100vh - 108px)',
      'border-radius': full ? '0' : '16px',
      'box-shadow': full ? 'none' : '0 12px 48px rgba(15,23,42,.22), 0 2px 8px rgba(15,23,42,.08)',
      'transform-origin': 'bottom right',
      transition: `opacity .2s ease, transform .2s ease, visibility 0s linear ${isOpen ? '0s' : '.2s'}`,
      opacity: isOpen ? '1' : '0',
      transform: isOpen ? 'none' : 'translateY(12px) scale(.98)',
      visibility: isOpen ? 'visible' : 'hidden',
      'pointer-events': isOpen ? 'auto' : 'none',
    });
  };

  const tellFrame = () => frame?.contentWindow?.postMessage({ type: 'keluh:panel', open: isOpen }, origin);

  const ensureFrame = (startOpen: boolean): HTMLIFrameElement => {
    if (frame) return frame;
    const params = new URLSearchParams({ lang });
    if (tag.dataset.title) params.set('title', tag.dataset.title);
    if (tag.dataset.color) params.set('color', color);
    params.set('parent', win.location.origin);
    if (!startOpen) params.set('open', '0');
    const el = doc.createElement('iframe');
    el.id = 'keluh-frame';
    el.title = 'Chat';
    // The site's signed user rides in the fragment: never sent to a server, so never in a log or a Referer.
    const identity = tag.dataset.identity?.trim();
    el.src = `${origin}/widget/?${params.toString()}${identity ? `#identity=${encodeURIComponent(identity)}` : ''}`;
    el.setAttribute('allow', 'clipboard-write');
    el.referrerPolicy = 'origin';
    el.addEventListener('load', tellFrame);
    frame = el;
    layoutFrame(el);
    doc.body.appendChild(el);
    return el;
  };

  const setOpen = (open: boolean) => {
    if (open === isOpen && (frame || !open)) return;
    isOpen = open;
    const el = ensureFrame(open);
    render();
    tellFrame();
    if (open) el.focus();
  };

  const api: KeluhApi = {
    open: () => setOpen(true),
    close: () => setOpen(false),
    toggle: () => setOpen(!isOpen),
  };

  win.addEventListener('message', (event: MessageEvent) => {
    if (event.origin !== origin || !frame || event.source !== frame.contentWindow) return;
    const data = event.data as { type?: unknown; count?: unknown } | null;
    if (!data || typeof data.type !== 'string') return;
    if (data.type === 'keluh:unread') {
      unread = Math.max(0, Math.floor(Number(data.count)) || 0);
      render();
    } else if (data.type === 'keluh:close') {
      api.close();
      button.focus();
    } else if (data.type === 'keluh:active') {
      storageFlag(win, true);
    }
  });

  button.addEventListener('click', api.toggle);
  narrow?.addEventListener?.('change', render);

  const mount = () => {
    render();
    doc.body.appendChild(button);
    // A returning visitor's panel loads hidden, so an agent's reply can light the badge on any page.
    if (storageFlag(win)) {
      const preload = () => ensureFrame(false);
      if (doc.readyState === 'complete') preload();
      else win.addEventListener('load', preload, { once: true });
    }
  };
  if (doc.body) mount();
  else doc.addEventListener('DOMContentLoaded', mount, { once: true });

  win.Keluh = api;
  return api;
}
