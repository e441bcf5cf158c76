/// <reference types="vite/client" />

declare global {
  interface Window {
    /** Support/test hook installed while the realtime socket exists; see realtime.store.ts. */
    __keluh?: { dropSocket: () => void };
  }
}

export {};
