import type { VisitorSocket } from './realtime.ts';

/*
 * A stand-in for the socket.io client socket, close enough for the widget's use: timeout-acks are
 * settled with an error on disconnect (as socket.io 4.8 does) before `disconnect` is emitted.
 */

type Ack = (error: Error | null, reply?: unknown) => void;
export interface Emitted {
  event: string;
  payload: unknown;
  ack: Ack;
  settled: boolean;
}

export class FakeSocket {
  connected = false;
  active = true;
  connectCalls = 0;
  readonly emitted: Emitted[] = [];
  private readonly handlers = new Map<string, Set<(...args: unknown[]) => void>>();

  on(event: string, handler: (...args: unknown[]) => void) {
    if (!this.handlers.has(event)) this.handlers.set(event, new Set());
    this.handlers.get(event)!.add(handler);
    return this;
  }

  off(event: string, handler: (...args: unknown[]) => void) {
    this.handlers.get(event)?.delete(handler);
    return this;
  }

  timeout() {
    return {
      emit: (event: string, payload: unknown, ack: Ack) => {
        const record: Emitted = { event, payload, ack, settled: false };
        record.ack = (error, reply) => {
          if (record.settled) return;
          record.settled = true;
          ack(error, reply);
        };
        this.emitted.push(record);
      },
    };
  }

  connect() {
    this.connectCalls += 1;
    return this;
  }

  disconnect() {
    this.serverDisconnect('io client disconnect');
    return this;
  }

  // --- driven by the test, as the server/network would ---

  serverConnect() {
    this.connected = true;
    this.fire('connect');
  }

  serverDisconnect(reason = 'transport close') {
    if (!this.connected) return;
    this.connected = false;
    for (const record of this.pending()) record.ack(new Error('socket has been disconnected'));
    this.fire('disconnect', reason);
  }

  fire(event: string, ...args: unknown[]) {
    for (const handler of [...(this.handlers.get(event) ?? [])]) handler(...args);
  }

  pending(event?: string): Emitted[] {
    return this.emitted.filter((e) => !e.settled && (event === undefined || e.event === event));
  }

  lastPending(event: string): Emitted {
    const found = this.pending(event).at(-1);
    if (!found) throw new Error(`no pending ${event}`);
    return found;
  }

  asSocket(): VisitorSocket {
    return this as unknown as VisitorSocket;
  }
}
