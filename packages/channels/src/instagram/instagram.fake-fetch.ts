import type { FetchLike } from './instagram.client.ts';

/** Test-only stand-in for `fetch`: answers from a script and records every call it received. */
export interface RecordedCall {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

export type ScriptedAnswer = { status?: number; json?: unknown; bytes?: Uint8Array; headers?: Record<string, string> } | Error;

export function fakeFetch(...answers: ScriptedAnswer[]): FetchLike & { calls: RecordedCall[] } {
  const calls: RecordedCall[] = [];
  const fetcher = async (url: string, init: RequestInit = {}): Promise<Response> => {
    const body = typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    calls.push({ url, method: init.method ?? 'GET', headers: { ...(init.headers as Record<string, string>) }, body });
    const answer = answers.length > 1 ? answers.shift() : answers[0];
    if (!answer) throw new Error('fakeFetch: no scripted answer');
    if (answer instanceof Error) throw answer;
    const payload = answer.bytes ?? JSON.stringify(answer.json ?? {});
    return new Response(payload, { status: answer.status ?? 200, headers: { 'content-type': 'application/json', ...answer.headers } });
  };
  return Object.assign(fetcher, { calls });
}
