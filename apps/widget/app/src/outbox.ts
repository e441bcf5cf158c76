/*
 * Sends waiting for the server. An item is either waiting (flushed on the next ready connection) or in
 * flight under an attempt number; a reply to an older attempt is stale and ignored, so a disconnect
 * that re-queues a send cannot later be undone by that attempt's error. Ids never change, so the
 * server's clientMessageId dedupe makes any resend harmless.
 */

export interface OutboxItem {
  clientMessageId: string;
  body: string;
}

interface Entry {
  item: OutboxItem;
  attempt: number;
  inFlight: boolean;
}

export interface Outbox {
  add(item: OutboxItem): void;
  /** Waiting items in the order they were typed. */
  waiting(): OutboxItem[];
  /** Marks an item in flight and returns the attempt number its reply must match. */
  dispatch(clientMessageId: string): number;
  isCurrent(clientMessageId: string, attempt: number): boolean;
  release(clientMessageId: string): void;
  releaseAll(): void;
  remove(clientMessageId: string): void;
  has(clientMessageId: string): boolean;
  readonly size: number;
}

export function createOutbox(): Outbox {
  const entries = new Map<string, Entry>();
  return {
    add(item) {
      if (!entries.has(item.clientMessageId)) entries.set(item.clientMessageId, { item, attempt: 0, inFlight: false });
    },
    waiting: () => [...entries.values()].filter((e) => !e.inFlight).map((e) => e.item),
    dispatch(clientMessageId) {
      const entry = entries.get(clientMessageId);
      if (!entry) return -1;
      entry.attempt += 1;
      entry.inFlight = true;
      return entry.attempt;
    },
    isCurrent(clientMessageId, attempt) {
      const entry = entries.get(clientMessageId);
      return entry !== undefined && entry.inFlight && entry.attempt === attempt;
    },
    release(clientMessageId) {
      const entry = entries.get(clientMessageId);
      if (entry) entry.inFlight = false;
    },
    releaseAll() {
      for (const entry of entries.values()) entry.inFlight = false;
    },
    remove(clientMessageId) {
      entries.delete(clientMessageId);
    },
    has: (clientMessageId) => entries.has(clientMessageId),
    get size() {
      return entries.size;
    },
  };
}

/** 32 hex characters from the CSPRNG; `randomUUID` is missing on plain-http pages, getRandomValues is not. */
export function newClientMessageId(random: Pick<Crypto, 'getRandomValues'> = crypto): string {
  const bytes = random.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
