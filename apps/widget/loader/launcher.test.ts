import { beforeEach, describe, expect, it } from 'vitest';
import { install, pickLang, sanitizeColor, type KeluhApi } from './launcher.ts';

type TestWindow = Window & { Keluh?: KeluhApi };

function scriptTag(attrs: Record<string, string> = {}): HTMLScriptElement {
  const script = document.createElement('script');
  script.src = 'https://desk.example/widget.js';
  for (const [name, value] of Object.entries(attrs)) script.setAttribute(name, value);
  return script;
}

const launcher = () => document.getElementById('keluh-launcher') as HTMLButtonElement;
const frame = () => document.getElementById('keluh-frame') as HTMLIFrameElement | null;

function fromFrame(data: unknown, origin = 'https://desk.example') {
  window.dispatchEvent(new MessageEvent('message', { data, origin, source: frame()!.contentWindow }));
}

describe('the script-tag loader', () => {
  beforeEach(() => {
    delete (window as TestWindow).Keluh;
    document.body.innerHTML = '';
    localStorage.clear();
  });

  it('adds a labelled launcher and no panel until it is clicked', () => {
    install(window, scriptTag({ 'data-lang': 'id' }));
    expect(launcher().getAttribute('aria-label')).toBe('Buka chat');
    expect(launcher().getAttribute('aria-expanded')).toBe('false');
    expect(launcher().querySelector('svg')).not.toBeNull();
    expect(frame()).toBeNull();
  });

  it('opens the help desk panel with language, title, colour and the page origin', () => {
    install(window, scriptTag({ 'data-lang': 'id', 'data-title': 'Toko Batik Sari', 'data-color': '#b45309' }));
    launcher().click();
    const src = new URL(frame()!.src);
    expect(src.origin + src.pathname).toBe('https://desk.example/widget/');
    expect(Object.fromEntries(src.searchParams)).toEqual({
      lang: 'id',
      title: 'Toko Batik Sari',
      color: '#b45309',
      parent: window.location.origin,
    });
    expect(frame()!.title).toBe('Chat');
    expect(launcher().getAttribute('aria-expanded')).toBe('true');
    expect(launcher().getAttribute('aria-label')).toBe('Tutup chat');
  });

  it('exposes only window.Keluh, whose toggle hides and shows the same panel', () => {
    const api = install(window, scriptTag())!;
    expect((window as TestWindow).Keluh).toBe(api);
    api.open();
    const first = frame();
    api.toggle();
    expect(frame()!.style.visibility).toBe('hidden');
    api.toggle();
    expect(frame()).toBe(first);
    expect(frame()!.style.visibility).toBe('visible');
  });

  it('shows the unread count from the panel, but only from the help desk origin', () => {
    const api = install(window, scriptTag({ 'data-lang': 'en' }))!;
    api.open();
    api.close();
    const badge = document.getElementById('keluh-unread')!;
    fromFrame({ type: 'keluh:unread', count: 3 }, 'https://evil.example');
    expect(badge.style.display).toBe('none');
    fromFrame({ type: 'keluh:unread', count: 3 });
    expect(badge.style.display).toBe('block');
    expect(badge.textContent).toBe('3');
    expect(launcher().getAttribute('aria-label')).toBe('Open chat (3 new messages)');
  });

  it('closes when the panel asks to', () => {
    const api = install(window, scriptTag())!;
    api.open();
    fromFrame({ type: 'keluh:close' });
    expect(launcher().getAttribute('aria-expanded')).toBe('false');
  });

  it('accepts only plain colours and known languages', () => {
    expect(sanitizeColor('#0f766e')).toBe('#0f766e');
    expect(sanitizeColor('red;position:absolute')).toBeNull();
    expect(pickLang(undefined, 'id-ID')).toBe('id');
    expect(pickLang('xx', 'en-US')).toBe('en');
  });
});
