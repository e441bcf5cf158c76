import { Agent, request } from 'node:http';
import { connect } from 'node:net';

export interface RawRequest {
  method: string;
  /** Sent exactly as given: percent-escapes, dot segments and Latin-1 bytes are not normalised. */
  target: string;
  /** A list sends the header once per value. */
  headers: Record<string, string | string[]>;
  body?: Buffer;
  /** A loopback address to send from (127.0.0.x), so per-address limits see many clients. */
  localAddress?: string;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** One pool, kept alive: the fuzzer sends thousands of requests and must not exhaust ephemeral ports. */
const agent = new Agent({ keepAlive: true, maxSockets: 8 });

/**
 * node:http, not fetch: fetch normalises paths, refuses some headers and adds others. The server may
 * answer before reading the whole body (413, 401) and then close; the answer is what counts.
 */
export async function send(baseUrl: string, raw: RawRequest): Promise<RawResponse> {
  try {
    return await sendOnce(baseUrl, raw);
  } catch (error) {
    // A kept-alive socket the server closed just as it was reused: Node's documented race, not an answer.
    if ((error as { reusedSocket?: boolean }).reusedSocket) return sendOnce(baseUrl, raw);
    throw error;
  }
}

function sendOnce(baseUrl: string, raw: RawRequest): Promise<RawResponse> {
  const base = new URL(baseUrl);
  // node:http writes a GET's body with neither Content-Length nor chunking: the bytes would be read as the next request.
  const headers = raw.body ? { 'content-length': String(raw.body.length), ...raw.headers } : raw.headers;
  return new Promise((resolve, reject) => {
    let answered = false;
    const outgoing = request(
      {
        host: base.hostname,
        port: base.port,
        method: raw.method,
        path: raw.target,
        headers,
        agent,
        ...(raw.localAddress ? { localAddress: raw.localAddress } : {}),
      },
      (response) => {
        answered = true;
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, text: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', reject);
      },
    );
    outgoing.setTimeout(10_000, () => outgoing.destroy(new Error(`no answer to ${raw.method} ${raw.target.slice(0, 200)} within 10 s`)));
    outgoing.on('error', (error) => {
      if (!answered) reject(Object.assign(error, { reusedSocket: outgoing.reusedSocket }));
    });
    outgoing.end(raw.body);
  });
}

/**
 * Bytes no HTTP client would send (broken request lines, smuggling-shaped headers): the first answer's
 * status line and body, or a null status line when the server just closed the connection.
 */
/**
 * Writes raw bytes and collects what comes back until the server closes. `halfClose` (the default) ends our
 * side at once, as a client that sent garbage would; a well-formed HTTP/1.0 request must keep its side
 * open, because Node's server drops a half-closed connection whose answer is still being computed.
 */
export function sendBytes(baseUrl: string, bytes: Buffer, options: { halfClose?: boolean } = {}): Promise<{ statusLine: string | null; body: string }> {
  const base = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: base.hostname, port: Number(base.port) });
    const chunks: Buffer[] = [];
    socket.setTimeout(5_000, () => socket.destroy(new Error('the server neither answered nor closed within 5 s')));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' || error.code === 'EPIPE' ? socket.destroy() : reject(error)));
    socket.on('close', () => {
      const answer = Buffer.concat(chunks);
      const end = answer.indexOf('\r\n\r\n');
      const head = answer.subarray(0, end < 0 ? answer.length : end).toString('latin1');
      // Only the first answer's body: pipelined requests may have been answered after it.
      const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? answer.length);
      const body = end < 0 ? '' : answer.subarray(end + 4, end + 4 + length).toString('utf8');
      resolve({ statusLine: answer.length > 0 ? head.split('\r\n', 1)[0]! : null, body });
    });
    if (options.halfClose === false) socket.write(bytes);
    else socket.end(bytes);
  });
}

export function closeRawHttp(): void {
  agent.destroy();
}
