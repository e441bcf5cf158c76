/*
 * The postMessage protocol with the loader on the embedding page. Outgoing: `keluh:unread {count}`,
 * `keluh:close`, `keluh:active` (the visitor has a conversation, so the loader may preload us on later
 * pages). Incoming: `keluh:panel {open}`, accepted only from our parent window and its declared origin.
 */

export type ToParent = { type: 'keluh:unread'; count: number } | { type: 'keluh:close' } | { type: 'keluh:active' };

export interface ParentBridge {
  readonly embedded: boolean;
  post(message: ToParent): void;
  onPanel(listener: (open: boolean) => void): () => void;
}

export function createParentBridge(win: Window, parentOrigin: string | null): ParentBridge {
  const embedded = win.parent !== win;
  return {
    embedded,
    post(message) {
      // Without a declared origin the payloads are harmless counters, so '*' is acceptable.
      if (embedded) win.parent.postMessage(message, parentOrigin ?? '*');
    },
    onPanel(listener) {
      const handler = (event: MessageEvent) => {
        if (!embedded || event.source !== win.parent) return;
        if (parentOrigin && event.origin !== parentOrigin) return;
        const data = event.data as { type?: unknown; open?: unknown } | null;
        if (data && data.type === 'keluh:panel') listener(data.open === true);
      };
      win.addEventListener('message', handler);
      return () => win.removeEventListener('message', handler);
    },
  };
}
