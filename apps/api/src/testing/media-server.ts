import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface MediaServer {
  url: string;
  host: string;
  port: number;
  /** Paths requested, in order, with the authorization header each carried. */
  hits: { path: string; authorization: string | undefined }[];
  /** Bytes written by the endless stream before the client hung up. */
  streamed: number;
  close(): Promise<void>;
}

type Route = (response: ServerResponse, server: MediaServer) => void;

/**
 * A real HTTP server on 127.0.0.1 answering media requests the way a hostile or broken CDN would:
 * redirects inward, files too large, bytes that trickle. Unknown paths answer 404.
 */
export async function startMediaServer(routes: Record<string, Route> = {}): Promise<MediaServer> {
  const state: MediaServer = { url: '', host: '', port: 0, hits: [], streamed: 0, close: async () => undefined };
  const server = createServer((request, response) => {
    const path = request.url ?? '/';
    state.hits.push({ path, authorization: request.headers.authorization });
    const route = routes[path.split('?')[0] ?? path];
    if (route) route(response, state);
    else response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  state.port = port;
  state.host = `127.0.0.1:${port}`;
  state.url = `http://127.0.0.1:${port}`;
  state.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}

/** Writes 16 KiB chunks until `limit` bytes or until the client goes away. */
export function endless(limit: number): Route {
  return (response, server) => {
    response.writeHead(200, { 'content-type': 'video/mp4' });
    const chunk = Buffer.alloc(16 * 1024, 7);
    const pump = (): void => {
      while (!response.destroyed && server.streamed < limit) {
        server.streamed += chunk.length;
        if (!response.write(chunk)) {
          response.once('drain', pump);
          return;
        }
      }
      response.end();
    };
    pump();
  };
}

/** One byte every `everyMs`, forever (until the client hangs up). */
export function trickle(everyMs: number): Route {
  return (response) => {
    response.writeHead(200, { 'content-type': 'image/jpeg' });
    const timer = setInterval(() => (response.destroyed ? clearInterval(timer) : response.write('x')), everyMs);
    response.once('close', () => clearInterval(timer));
  };
}

export function redirectTo(location: string, status = 302): Route {
  return (response) => response.writeHead(status, { location }).end();
}
