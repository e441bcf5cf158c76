/** A stand-in for global fetch in unit tests: records each request and answers from a script. */

export interface RecordedRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  json: unknown;
}

export type ScriptedAnswer = { status?: number; json?: unknown; bytes?: Uint8Array; contentType?: string } | Error;

export function fakeFetch(...script: ScriptedAnswer[]): { fetch: typeof globalThis.fetch; requests: RecordedRequest[] } {
  const requests: RecordedRequest[] = [];
  const answer = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const headers = Object.fromEntries(new Headers(init?.headers).entries());
    const json = typeof init?.body === 'string' ? JSON.parse(init.body) : null;
    requests.push({ url: String(input), method: init?.method ?? 'GET', headers, json });
    const next = script.shift();
    if (next === undefined) throw new Error(`fake fetch: no answer scripted for ${String(input)}`);
    if (next instanceof Error) throw next;
    const status = next.status ?? 200;
    if (next.bytes) {
      return new Response(next.bytes, { status, headers: { 'content-type': next.contentType ?? 'application/octet-stream' } });
    }
    return new Response(next.json === undefined ? null : JSON.stringify(next.json), { status, headers: { 'content-type': 'application/json' } });
  };
  return { fetch: answer as typeof globalThis.fetch, requests };
}
