import { StaleCursorError } from './sync.errors.ts';

/** Anything from the event log: its id is the log position, and positions only grow. */
export interface LoggedEvent {
  id: number;
}

export interface SyncResult<E extends LoggedEvent> {
  events: E[];
  latestId: number;
}

export interface RetryPolicy {
  /** Wait after the first failed sync; doubled after each further failure. */
  firstMs: number;
  maxMs: number;
}

export interface EventSyncOptions<E extends LoggedEvent> {
  /** Emits `sync {lastEventId}` and resolves with the replay; rejects on a refusal or timeout. */
  requestSync: (lastEventId: number) => Promise<SyncResult<E>>;
  /** Hands events, in id order, to every consumer; each skips ids at or below its own position. */
  dispatch: (events: E[]) => void;
  /** The lowest event-log position among the loaded consumers; null if none has loaded anything. */
  position: () => number | null;
  /** Called whenever the first sync after a connect has finished, or a catch-up ends. */
  onSynced?: () => void;
  /**
   * The positions held are unusable: the server is too far ahead to replay, or its log went backwards
   * (a reset database). Consumers must reload their snapshots; each reload then catches up as usual.
   */
  onStale?: () => void;
  schedule?: (run: () => void, ms: number) => unknown;
  retry?: RetryPolicy;
}

const DEFAULT_RETRY: RetryPolicy = { firstMs: 1000, maxMs: 15_000 };

/**
 * The client half of the gap-free protocol, for the console and the widget alike. After every
 * (re)connect it asks for everything after the lowest position a consumer holds. While any sync is in
 * flight, live events are held back: handing event N+5 to a consumer at N before the replay of
 * N+1…N+4 would make it skip those as duplicates. A consumer that loads a snapshot older than what
 * already streamed past calls `catchUp`.
 */
export function createEventSync<E extends LoggedEvent>(options: EventSyncOptions<E>) {
  const schedule = options.schedule ?? ((run, ms) => setTimeout(run, ms));
  const retry = options.retry ?? DEFAULT_RETRY;
  let connected = false;
  // Bumped on every connect and disconnect, so the answer to an older connection's sync is ignored.
  let generation = 0;
  let syncing = false;
  let again = false;
  let holding = true;
  let held: E[] = [];
  let highestSeen = 0;
  // Ids the replays of this connection handed out, until the live push has caught up with them.
  let replayed = new Set<number>();
  let replayedUpTo = 0;
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
        // A reset log starts again from small ids, so nothing from before may count as already seen.
        held = [];
        holding = false;
        highestSeen = 0;
        forgetReplayed();
        failures = 0;
        options.onStale?.();
        options.onSynced?.();
        return;
      }
      failures += 1;
      // Stay in holding mode; retry with back-off while this connection lasts.
      schedule(() => {
        if (runGeneration === generation && connected) void run();
      }, Math.min(retry.firstMs * 2 ** (failures - 1), retry.maxMs));
    } finally {
      if (runGeneration === generation) syncing = false;
    }
  }

  /**
   * The replay and what was held, once each and in id order. Nothing is filtered by position: a
   * catch-up exists because one consumer's snapshot is older than what others already have, and
   * consumers without a position (guarded by timestamps) decide for themselves.
   */
  function release(replay: E[]): void {
    const byId = new Map<number, E>();
    for (const event of [...replay, ...held]) if (!byId.has(event.id)) byId.set(event.id, event);
    held = [];
    holding = false;
    for (const event of replay) replayed.add(event.id);
    replayedUpTo = Math.max(replayedUpTo, replay.at(-1)?.id ?? 0);
    const ordered = [...byId.values()].sort((a, b) => a.id - b.id);
    if (ordered.length > 0) options.dispatch(ordered);
  }

  function forgetReplayed(): void {
    replayed = new Set();
    replayedUpTo = 0;
  }

  return {
    connected(): void {
      connected = true;
      generation += 1;
      syncing = false;
      forgetReplayed();
      void run();
    },
    disconnected(): void {
      connected = false;
      generation += 1;
      syncing = false;
      holding = true;
    },
    /**
     * A live event. The server pushes each event once per socket, in log order, but its push can trail
     * the replay, which reads the log directly: an id the replay already handed out is not handed twice.
     */
    event(event: E): void {
      highestSeen = Math.max(highestSeen, event.id);
      if (holding) held.push(event);
      else if (!replayed.has(event.id)) options.dispatch([event]);
      // In log order, so once the push reaches the end of the replays nothing of them can come again.
      if (!holding && replayed.size > 0 && event.id >= replayedUpTo) forgetReplayed();
    },
    /** A consumer just loaded a snapshot at `position`; replay what streamed past since, if anything. */
    catchUp(position: number): void {
      if (!connected) return; // the next connect syncs from the lowest position anyway
      if (syncing) again = true;
      else if (position < highestSeen) void run();
    },
    /** True from a disconnect until the next sync has been applied. */
    get isHolding(): boolean {
      return holding;
    },
  };
}

export type EventSync<E extends LoggedEvent> = ReturnType<typeof createEventSync<E>>;
