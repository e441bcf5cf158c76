import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifySignature } from './signer.ts';

/**
 * A tiny webhook receiver on 127.0.0.1 for the sim's own tests (and for anyone who wants to watch
 * what the sim sends without running the help desk). It records raw bytes, checks the signature
 * when given a secret, and answers with whatever status the test scripts.
 */

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  json: unknown;
  signatureValid: boolean | undefined;
  receivedAt: number;
  /** 1-based arrival index. */
  seq: number;
}

export interface TestReceiverOptions {
  secret?: string;
  /** Status for each POST (by arrival index); default 200. */
  respond?: (request: ReceivedRequest) => number | Promise<number>;
  /** §1.1: answers GET handshakes with this verify token. */
  verifyToken?: string;
}

export interface TestReceiver {
  url: string;
  requests: ReceivedRequest[];
  /** Resolves once `count` POSTs have arrived (rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedRequest[]>;
  close(): Promise<void>;
}

export async function startTestReceiver(options: TestReceiverOptions = {}): Promise<TestReceiver> {
  const requests: ReceivedRequest[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method === 'GET') {
      const ok = url.searchParams.get('hub.mode') === 'subscribe' && url.searchParams.get('hub.verify_token') === options.verifyToken;
      const challenge = url.searchParams.get('hub.challenge');
      res.writeHead(ok && challenge !== null ? 200 : 403, { 'content-type': 'text/plain' });
      res.end(ok && challenge !== null ? challenge : 'Forbidden');
      return;
    }
    const body = Buffer.concat(chunks);
    let json: unknown;
    try {
      json = JSON.parse(body.toString('utf8'));
    } catch {
      json = undefined;
    }
    const header = req.headers['x-hub-signature-256'];
    const request: ReceivedRequest = {
      method: req.method ?? 'POST',
      path: url.pathname,
      headers: req.headers,
      body,
      json,
      signatureValid: options.secret === undefined ? undefined : verifySignature(body, typeof header === 'string' ? header : undefined, options.secret),
      receivedAt: Date.now(),
      seq: requests.length + 1,
    };
    requests.push(request);
    const status = options.respond ? await options.respond(request) : 200;
    res.writeHead(status, { 'content-type': 'text/plain' });
    res.end(status === 200 ? 'EVENT_RECEIVED' : 'error');
    for (const waiter of waiters.filter((w) => requests.length >= w.count)) waiter.resolve();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks`,
    requests,
    waitFor(count, timeoutMs = 5_000) {
      if (requests.length >= count) return Promise.resolve(requests);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`receiver got ${requests.length} of ${count} requests`)), timeoutMs);
        waiters.push({
          count,
          resolve: () => {
            clearTimeout(timer);
            resolve(requests);
          },
        });
      });
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
