import type { EventPublisher, StoredEvent } from '@keluh/core';

export type EventListener = (event: StoredEvent) => void;

/**
 * Fans committed domain events out to in-process listeners (realtime push, outbox dispatch, later SLA
 * clocks and automations). A failing listener is logged and never blocks the others or the request.
 */
export class EventBus implements EventPublisher {
  private readonly listeners = new Set<EventListener>();

  constructor(private readonly onListenerError: (error: unknown, event: StoredEvent) => void) {}

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(events: readonly StoredEvent[]): void {
    for (const event of events) {
      for (const listener of this.listeners) {
        try {
          listener(event);
        } catch (error) {
          this.onListenerError(error, event);
        }
      }
    }
  }
}
