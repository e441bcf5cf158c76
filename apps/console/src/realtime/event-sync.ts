import type { AgentEvent } from '@keluh/contracts';

export interface SyncResult {
  events: AgentEvent[];
  latestId: number;
}

/** The server cannot replay from the requested position (too far behind); reload the snapshots instead. */
export class StaleCursorError extends Error {
  override name = 'StaleCursorError';
}

export interface EventSyncOptions {
  /** Emits `sync {lastEventId}` and resolves with the replay; rejects on a refusal or timeout. */
  requestSync: (lastEventId: number) => Promise<SyncResult>;
  /** Hands events, in id order, to every consumer; each skips ids at or below its own position. */
  dispatch: (events: AgentEvent[]) => void;
  /** The lowest event-log position among the loaded consumers (list, open ticket); null if none. */
  position: () => number | null;
  /** Called whenever the first sync after a connect has finished, or a catch-up ends. */
  onSynced?: () => void;
  /**
   * The positions held are unusable: the server is too far ahead to replay, or its log went backwards
   * (a reset database). Consumers must reload their snapshots; each reload then catches up as usual.
   */
  onStale?: () => void;
  schedule?: (run: () => void, ms: number) => unknown;
}

/**
 * The client half of the gap-free protocol. After every (re)connect it asks for everything after the
 * lowest position a consumer holds. While any sync is in flight, live events are held back: handing
 * event N+5 to a consumer at N before the replay of N+1…N+4 would make it skip those as duplicates.
 * A consumer that loads a snapshot older than what already streamed past calls `catchUp`.
 */
export function createEventSync(options: EventSyncOptions) {
  const schedule = options.schedule ?? ((run, ms) => setTimeout(run, ms));
  let connected = false;
  let generation = 0;
  let syncing = false;
  let again = false;
  let holding = true;
  let held: AgentEvent[] = [];
  let highestSeen = 0;
  let failures = 0;

  async function run(): Promise<void> {
    if (syncing) {
      again = true;
      return;
    }
    syncing = true;
    const runGeneration = generation;
    try {
      do {
        again = false;
        holding = true;
        const from = options.position();
        const result = from === null ? null : await options.requestSync(from);
        if (runGeneration !== generation) return;
        if (result && from !== null && result.latestId < from) throw new StaleCursorError('The event log went backwards');
        if (result) highestSeen = Math.max(highestSeen, result.latestId);
        release(result?.events ?? []);
      } while (again);
      failures = 0;
      options.onSynced?.();
    } catch (error) {
      if (runGeneration !== generation) return;
      if (error instanceof StaleCursorError) {
        // Held events are older than the snapshots about to be loaded; those snapshots catch up themselves.
        held = [];
        holding = false;
        highestSeen = 0;
        failures = 0;
        options.onStale?.();
        options.onSynced?.();
        return;
      }
      failures += 1;
      // Stay in holding mode; retry with back-off while this connection lasts.
      schedule(() => {
        if (runGeneration === generation && connected) void run();
      }, Math.min(1000 * 2 ** (failures - 1), 15_000));
    } finally {
      if (runGeneration === generation) syncing = false;
    }
  }

  function release(replay: AgentEvent[]): void {
    const byId = new Map<number, AgentEvent>();
    for (const event of [...replay, ...held]) byId.set(event.id, event);
    held = [];
    holding = false;
    const ordered = [...byId.values()].sort((a, b) => a.id - b.id);
    if (ordered.length > 0) options.dispatch(ordered);
  }

  return {
    connected(): void {
      connected = true;
      generation += 1;
      syncing = false;
      void run();
    },
    disconnected(): void {
      connected = false;
      generation += 1;
      syncing = false;
      holding = true;
    },
    event(event: AgentEvent): void {
      highestSeen = Math.max(highestSeen, event.id);
      if (holding) held.push(event);
      else options.dispatch([event]);
    },
    /** A consumer just loaded a snapshot at `position`; replay what streamed past since, if anything. */
    catchUp(position: number): void {
      if (!connected) return; // the next connect syncs from the lowest position anyway
      if (syncing) again = true;
      else if (position < highestSeen) void run();
    },
    get isHolding(): boolean {
      return holding;
    },
  };
}

export type EventSync = ReturnType<typeof createEventSync>;
