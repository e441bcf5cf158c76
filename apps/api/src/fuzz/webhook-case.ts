import fc from 'fast-check';
import { apiChannelSignature } from '@keluh/channels';
import { escapeNonAscii, signatureHeader } from '@keluh/meta-sim';
import type { RawRequest } from '../testing/raw-http.ts';
import { IG, WA, type FuzzWorld } from './fuzz-world.ts';
import { jsonNodeOf, jsonText, mutate, type JsonMutation } from './hostile-json.ts';
import { hostileBodyBytes, hostileBodyText, jsonMutation } from './hostile-json.arbitraries.ts';
import { contentType } from './hostile-http.arbitraries.ts';
import { webhookExamples, type WebhookKind } from './webhook-examples.ts';

/**
 * How the delivery is signed. `valid` signs the exact bytes sent with the channel's secret, so a
 * malformed body gets past the signature check to the parser and the ingest behind it.
 */
export const forgedSignatures = ['missing', 'garbage', 'wrong-secret', 'other-bytes', 'sha1', 'twice', 'empty'] as const;
/** The right HMAC in spellings a sender's library might produce; each channel decides whether it takes them. */
export const validSignatures = ['valid', 'upper-case', 'padded'] as const;
export type Signature = (typeof forgedSignatures)[number] | (typeof validSignatures)[number];

type Body = { kind: 'example'; example: number; mutations: JsonMutation[] } | { kind: 'text'; text: string } | { kind: 'bytes'; bytes: Buffer };

export interface WebhookCase {
  kind: WebhookKind;
  /** The API channel's id in the path: ours, or one that does not exist. */
  channel: 'ours' | 'unknown';
  body: Body;
  /** Meta escapes non-ASCII as \uXXXX; integrators usually send UTF-8 as it is. */
  escapeUnicode: boolean;
  signature: Signature;
  contentType: string | null;
}

const keys = ['object', 'entry', 'changes', 'field', 'value', 'metadata', 'phone_number_id', 'contacts', 'messages', 'statuses', 'id', 'timestamp', 'type', 'text', 'body', 'from', 'messaging', 'sender', 'recipient', 'message', 'mid', 'attachments', 'payload', 'url', 'idempotencyKey', 'status', 'messageId'];

export const webhookCaseArbitrary = (signature: fc.Arbitrary<Signature>): fc.Arbitrary<WebhookCase> =>
  fc
  .constantFrom<WebhookKind>('whatsapp', 'instagram', 'api')
  .chain((kind) =>
    fc.record({
      kind: fc.constant(kind),
      channel: fc.constantFrom<'ours' | 'unknown'>('ours', 'ours', 'ours', 'ours', 'unknown'),
      body: fc.oneof(
        {
          weight: 8,
          arbitrary: fc
            .tuple(fc.nat({ max: webhookExamples[kind].length - 1 }), fc.oneof({ weight: 1, arbitrary: fc.constant<JsonMutation[]>([]) }, { weight: 4, arbitrary: fc.array(jsonMutation(keys), { minLength: 1, maxLength: 3 }) }))
            .map(([example, mutations]): Body => ({ kind: 'example', example, mutations })),
        },
        { weight: 2, arbitrary: hostileBodyText.map((text): Body => ({ kind: 'text', text })) },
        { weight: 1, arbitrary: hostileBodyBytes.map((bytes): Body => ({ kind: 'bytes', bytes })) },
      ),
      escapeUnicode: fc.boolean(),
      signature,
      contentType: fc.oneof({ weight: 6, arbitrary: fc.constant('application/json') }, { weight: 1, arbitrary: contentType }),
    }),
  )
  .map((testCase) => Object.assign(testCase, { [fc.toStringMethod]: () => describeWebhookCase(testCase) }));

export function describeWebhookCase(testCase: WebhookCase): string {
  const preview = (text: string) => (text.length > 200 ? `${text.slice(0, 200)}… (${text.length} chars)` : text);
  const body = testCase.body;
  const shown = body.kind === 'example' ? { example: body.example, mutations: body.mutations.map((m) => ('node' in m ? { ...m, node: preview(jsonText(m.node)) } : m)) } : body.kind === 'text' ? preview(body.text) : body.bytes.toString('hex').slice(0, 80);
  return JSON.stringify({ ...testCase, body: shown });
}

function bytesOf(testCase: WebhookCase): Buffer {
  const body = testCase.body;
  if (body.kind === 'bytes') return body.bytes;
  if (body.kind === 'text') return Buffer.from(body.text, 'utf8');
  const examples = webhookExamples[testCase.kind];
  const text = jsonText(body.mutations.reduce(mutate, jsonNodeOf(examples[body.example % examples.length]!())));
  return Buffer.from(testCase.escapeUnicode ? escapeNonAscii(text) : text, 'utf8');
}

function signatureHeaders(testCase: WebhookCase, sent: Buffer, secret: string): Record<string, string | string[]> {
  const name = testCase.kind === 'api' ? 'x-keluh-signature' : 'x-hub-signature-256';
  const sign = (body: Buffer, key: string) => (testCase.kind === 'api' ? apiChannelSignature(body, key) : signatureHeader(body, key));
  const valid = sign(sent, secret);
  const values: Record<Signature, string | string[] | null> = {
    valid,
    missing: null,
    garbage: 'sha256=not-hex-at-all',
    'wrong-secret': sign(sent, `${secret}-not`),
    // Signed before a proxy or a re-serialisation changed one byte.
    'other-bytes': sign(Buffer.concat([sent, Buffer.from(' ')]), secret),
    'upper-case': valid.toUpperCase(),
    sha1: valid.replace('sha256=', 'sha1='),
    twice: [valid, valid],
    padded: ` ${valid} `,
    empty: '',
  };
  const value = values[testCase.signature];
  return value === null ? {} : { [name]: value };
}

export function toWebhookRequest(testCase: WebhookCase, world: FuzzWorld): RawRequest {
  const sent = bytesOf(testCase);
  const secret = testCase.kind === 'whatsapp' ? WA.appSecret : testCase.kind === 'instagram' ? IG.appSecret : world.apiChannel.secret;
  const target = testCase.kind === 'api' ? `/webhooks/api/${testCase.channel === 'ours' ? world.apiChannel.id : world.apiChannel.id + 1000}` : `/webhooks/${testCase.kind}`;
  return {
    method: 'POST',
    target,
    headers: { ...(testCase.contentType !== null ? { 'content-type': testCase.contentType } : {}), ...signatureHeaders(testCase, sent, secret) },
    body: sent,
    localAddress: world.nextAddress(),
  };
}
