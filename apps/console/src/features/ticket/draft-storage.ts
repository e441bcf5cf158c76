/*
 * What the agent wrote but has not sent, per ticket, in localStorage: a reload, a crash or a lost
 * connection never costs them their reply. Pending sends are kept apart from the draft, in order.
 */
const KEY = 'keluh.composer.v1';
/** A forgotten draft should not live forever on a shared machine. */
export const DRAFT_TTL_MS = 7 * 24 * 3_600_000;

export interface TicketDrafts {
  draft: string;
  /** Replies typed while offline, waiting to be sent in this order. */
  pending: string[];
  savedAt: number;
}

type Stored = Record<string, TicketDrafts>;

export function loadDrafts(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage, now = Date.now()): Stored {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(KEY) ?? '{}');
    if (typeof parsed !== 'object' || parsed === null) return {};
    const result: Stored = {};
    for (const [id, value] of Object.entries(parsed as Record<string, unknown>)) {
      if (isDrafts(value) && now - value.savedAt < DRAFT_TTL_MS) result[id] = value;
    }
    return result;
  } catch {
    return {};
  }
}

export function saveDrafts(drafts: Stored, storage: Pick<Storage, 'setItem' | 'removeItem'> | undefined = globalThis.localStorage): void {
  try {
    const kept = Object.fromEntries(Object.entries(drafts).filter(([, d]) => d.draft !== '' || d.pending.length > 0));
    if (Object.keys(kept).length === 0) storage?.removeItem(KEY);
    else storage?.setItem(KEY, JSON.stringify(kept));
  } catch {
    // Private mode or a full storage: the draft still lives for this tab.
  }
}

function isDrafts(value: unknown): value is TicketDrafts {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<TicketDrafts>;
  return typeof v.draft === 'string' && Array.isArray(v.pending) && v.pending.every((p) => typeof p === 'string') && typeof v.savedAt === 'number';
}
