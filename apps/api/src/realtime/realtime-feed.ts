import type { EventRepository, StoredEvent } from '@keluh/core';

export type FeedSink = (events: readonly StoredEvent[]) => void;

const PAGE = 500;
const RETRY_MS = 200;

/**
 * Hands committed events to this process's sockets strictly in log order, batched per turn of the event
 * loop. Why not emit each event as its commit returns:
 * - with several processes (or a PostgreSQL pool) commits finish in one order and their callbacks may run
 *   in another, and an event committed by another process only reaches us as a signal; a client that saw
 *   id 12 before 11 would drop 11 as already applied. So a gap in the ids is filled from the log before
 *   anything after it goes out: the log is commit-ordered (EventRepository), so once 12 is readable every
 *   smaller id that will ever exist is readable too, and an id missing then is a rolled-back one;
 * - a thousand agent sockets cost a thousand socket writes per frame, so everything committed in the same
 *   moment (a webhook batch, concurrent requests) goes out as one frame instead of one per event;
 * - the fan-out runs after the turn in which the commit returned, so the HTTP answer (Meta's webhook ack)
 *   is written first.
 */
export class RealtimeFeed {
  private cursor = 0;
  private queued: StoredEvent[] = [];
  private gap = false;
  private scheduled = false;
  private flushing = false;
  private stopped = false;
  private readonly sinks = new Set<FeedSink>();

  constructor(
    private readonly log: Pick<EventRepository, 'listAfter' | 'latestId'>,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Starts at the log's head: what came before is for clients to replay with `sync`. */
  async start(): Promise<void> {
    this.cursor = await this.log.latestId();
    this.stopped = false;
  }

  stop(): void {
    this.stopped = true;
  }

  subscribe(sink: FeedSink): () => void {
    this.sinks.add(sink);
    return () => this.sinks.delete(sink);
  }

  /** Events this process just committed. */
  committed(events: readonly StoredEvent[]): void {
    for (const event of events) {
      const last = this.queued.at(-1)?.id ?? this.cursor;
      if (event.id > last) {
        if (event.id !== last + 1) this.gap = true;
        this.queued.push(event);
      } else if (event.id > this.cursor && !this.queued.some((queued) => queued.id === event.id)) {
        // Arrived after a later one (callbacks out of commit order): still ours to deliver, in place.
        this.queued.push(event);
        this.queued.sort((a, b) => a.id - b.id);
      }
    }
    this.schedule();
  }

  /** Another process committed something (a Redis signal): read it from the log. */
  committedElsewhere(): void {
    this.gap = true;
    this.schedule();
  }

  /** The id of the last event handed to the sinks. */
  get position(): number {
    return this.cursor;
  }

  private schedule(delayMs = 0): void {
    if (this.scheduled || this.stopped) return;
    this.scheduled = true;
    const run = () => {
      this.scheduled = false;
      void this.flush();
    };
    if (delayMs > 0) setTimeout(run, delayMs).unref();
    else setImmediate(run);
  }

  private async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    let retry = false;
    try {
      let batch = this.queued;
      this.queued = [];
      if (this.gap) {
        this.gap = false;
        try {
          batch = mergeById(await this.readAfter(this.cursor), batch);
        } catch (error) {
          // Nothing is lost: put the batch back and fill the gap on the next try.
          this.queued = mergeById(batch, this.queued);
          this.gap = true;
          retry = true;
          this.onError(error);
          return;
        }
      }
      const fresh = batch.filter((event) => event.id > this.cursor);
      if (fresh.length === 0) return;
      this.cursor = fresh.at(-1)!.id;
      for (const sink of this.sinks) {
        try {
          sink(fresh);
        } catch (error) {
          this.onError(error);
        }
      }
    } finally {
      this.flushing = false;
      if (retry) this.schedule(RETRY_MS);
      else if (this.queued.length > 0 || this.gap) this.schedule();
    }
  }

  private async readAfter(after: number): Promise<StoredEvent[]> {
    const read: StoredEvent[] = [];
    for (let from = after; ; ) {
      const page = await this.log.listAfter(from, { limit: PAGE });
      read.push(...page);
      if (page.length < PAGE) return read;
      from = page.at(-1)!.id;
    }
  }
}

function mergeById(a: readonly StoredEvent[], b: readonly StoredEvent[]): StoredEvent[] {
  const byId = new Map<number, StoredEvent>();
  for (const event of [...a, ...b]) byId.set(event.id, event);
  return [...byId.values()].sort((x, y) => x.id - y.id);
}
