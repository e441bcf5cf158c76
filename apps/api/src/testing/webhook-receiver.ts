import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  /** Exactly the bytes that arrived: signatures are checked over these. */
  raw: Buffer;
  json: unknown;
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** Status codes for the next requests, in order; once used up, every request gets `fallback`. */
  answer(...statuses: number[]): void;
  fallback: number;
  close(): Promise<void>;
}

/** An integrator's endpoint on 127.0.0.1: a real HTTP server, so the outbound path is tested over the wire. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const queue: number[] = [];
  const received: ReceivedWebhook[] = [];
  const state = { fallback: 200 };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const raw = Buffer.concat(chunks);
      let json: unknown = null;
      try {
        json = JSON.parse(raw.toString('utf8'));
      } catch {
        // Kept as null: the test asserts on it.
      }
      received.push({ headers: request.headers, raw, json });
      const status = queue.shift() ?? state.fallback;
      response.writeHead(status, { 'content-type': 'text/plain' }).end(status >= 400 ? `refused with ${status}` : 'ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/keluh-replies`,
    received,
    answer: (...statuses) => queue.push(...statuses),
    get fallback() {
      return state.fallback;
    },
    set fallback(status: number) {
      state.fallback = status;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
