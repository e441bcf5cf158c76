import type { FetchLike } from './api-channel.send.ts';

/** Test-only stand-in for `fetch`: answers from a script and records the exact bytes it was sent. */
export interface RecordedPost {
  url: string;
  headers: Record<string, string>;
  body: string;
}

export type ScriptedAnswer = { status: number; text?: string; headers?: Record<string, string> } | Error;

export function fakeFetch(...answers: ScriptedAnswer[]): FetchLike & { calls: RecordedPost[] } {
  const calls: RecordedPost[] = [];
  const fetcher: FetchLike = async (url, init) => {
    calls.push({ url, headers: { ...(init.headers as Record<string, string>) }, body: String(init.body) });
    const answer = answers.length > 1 ? answers.shift() : answers[0];
    if (!answer) throw new Error('fakeFetch: no scripted answer');
    if (answer instanceof Error) throw answer;
    // A 204 may not carry a body at all.
    return new Response(answer.status === 204 ? null : (answer.text ?? ''), { status: answer.status, headers: answer.headers ?? {} });
  };
  return Object.assign(fetcher, { calls });
}
