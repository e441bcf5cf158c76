import { setTimeout as sleep } from 'node:timers/promises';
import type { DeliveryKnobs } from './knobs.ts';
import { reorder, type OrderMode } from './order.ts';
import { serializePayload, signatureHeader } from './signer.ts';

/**
 * Delivers signed webhook POSTs the way Meta does (§1.2, §1.3, §2.5, §3.5): exact bytes, a signature
 * over those bytes, success = HTTP 200 and nothing else, retries on anything else with a compressed
 * schedule, optional duplicates and reordering. Every attempt is reported to `onAttempt` so tests
 * can assert on what went over the wire.
 */

export interface DeliverOptions {
  url: string;
  secret: string;
  escapeUnicode?: boolean;
  retryDelaysMs?: number[];
  maxAttempts?: number;
  timeoutMs?: number;
  duplicate?: DeliveryKnobs['duplicate'];
  /** Negative tests (cases 6–9): replace the header value; `null` omits the header. */
  signature?: string | null;
  /** Case 8: sign these bytes (e.g. the escaped form) but send the serialized ones. */
  signOver?: Buffer;
  /** Case 6: alter the bytes after signing. */
  tamper?: (bytes: Buffer) => Buffer;
  headers?: Record<string, string>;
  /** Label copied into the attempt log (e.g. 'whatsapp'). */
  channel?: string;
}

export interface DeliveryAttempt {
  channel: string;
  url: string;
  attempt: number;
  /** HTTP status, or null when the connection failed or timed out. */
  status: number | null;
  error?: string;
  responseBody: string;
  startedAt: number;
  durationMs: number;
  bytes: Buffer;
  signature: string | null;
}

export interface DeliveryReport {
  delivered: boolean;
  attempts: DeliveryAttempt[];
  bytes: Buffer;
  signature: string | null;
  /** Set when the guard refused to send (e.g. the Instagram subscription was disabled, §3.5). */
  skipped?: 'unsubscribed' | 'stopped';
  /** The extra copies sent by the `duplicate` knob. */
  duplicates: DeliveryReport[];
}

/** Lets a channel stop deliveries (§3.5 "unsubscribed after 1 h of failures") and count failures. */
export interface DeliveryGuard {
  allow(): boolean;
  record(ok: boolean): void;
}

export interface WebhookSenderDeps {
  knobs: () => DeliveryKnobs;
  onAttempt?: (attempt: DeliveryAttempt) => void;
  /** Aborted when the sim stops or resets, so no retry timer outlives a test. */
  signal?: () => AbortSignal | undefined;
}

export class WebhookSender {
  constructor(private readonly deps: WebhookSenderDeps) {}

  async deliver(payload: unknown, options: DeliverOptions, guard?: DeliveryGuard): Promise<DeliveryReport> {
    const knobs = this.deps.knobs();
    const serialized = Buffer.isBuffer(payload)
      ? payload
      : serializePayload(payload, { escapeUnicode: options.escapeUnicode ?? knobs.escapeUnicode });
    const signature = options.signature !== undefined ? options.signature : signatureHeader(options.signOver ?? serialized, options.secret);
    const bytes = options.tamper ? options.tamper(Buffer.from(serialized)) : serialized;
    const once = () => this.attemptAll(bytes, signature, options, knobs, guard);
    const duplicate = options.duplicate ?? knobs.duplicate;
    if (duplicate === 'concurrent') {
      const [first, second] = await Promise.all([once(), once()]);
      return { ...first, duplicates: [second] };
    }
    const first = await once();
    return duplicate === 'sequential' ? { ...first, duplicates: [await once()] } : first;
  }

  /** Several deliveries in a chosen order, one after another or all at once (cases 13–15). */
  async deliverMany(
    payloads: unknown[],
    options: DeliverOptions & { order?: OrderMode; parallel?: boolean },
    guard?: DeliveryGuard,
  ): Promise<DeliveryReport[]> {
    const ordered = reorder(payloads, options.order ?? 'natural', this.deps.knobs().shuffleSeed);
    if (options.parallel) return Promise.all(ordered.map((p) => this.deliver(p, options, guard)));
    const reports: DeliveryReport[] = [];
    for (const p of ordered) reports.push(await this.deliver(p, options, guard));
    return reports;
  }

  private async attemptAll(
    bytes: Buffer,
    signature: string | null,
    options: DeliverOptions,
    knobs: DeliveryKnobs,
    guard?: DeliveryGuard,
  ): Promise<DeliveryReport> {
    const delays = options.retryDelaysMs ?? knobs.retryDelaysMs;
    const maxAttempts = Math.min(options.maxAttempts ?? knobs.maxAttempts, delays.length + 1);
    const report: DeliveryReport = { delivered: false, attempts: [], bytes, signature, duplicates: [] };
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      if (this.deps.signal?.()?.aborted) return { ...report, skipped: 'stopped' };
      if (guard && !guard.allow()) return { ...report, skipped: 'unsubscribed' };
      const result = await this.post(bytes, signature, options, knobs, attempt);
      report.attempts.push(result);
      this.deps.onAttempt?.(result);
      // §1.3: only exactly 200 counts; 201/202/204 are failures to Meta.
      const ok = result.status === 200;
      guard?.record(ok);
      if (ok) return { ...report, delivered: true };
      const delay = delays[attempt - 1];
      if (attempt < maxAttempts && delay !== undefined && !(await this.pause(delay))) return { ...report, skipped: 'stopped' };
    }
    return report;
  }

  private async pause(ms: number): Promise<boolean> {
    try {
      await sleep(ms, undefined, { signal: this.deps.signal?.() });
      return true;
    } catch {
      return false;
    }
  }

  private async post(bytes: Buffer, signature: string | null, options: DeliverOptions, knobs: DeliveryKnobs, attempt: number): Promise<DeliveryAttempt> {
    const startedAt = Date.now();
    const base = { channel: options.channel ?? 'meta', url: options.url, attempt, startedAt, bytes, signature };
    const signals = [AbortSignal.timeout(options.timeoutMs ?? knobs.timeoutMs)];
    const stop = this.deps.signal?.();
    if (stop) signals.push(stop);
    try {
      const response = await fetch(options.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'facebookexternalua',
          ...(signature !== null && { 'x-hub-signature-256': signature }),
          ...options.headers,
        },
        body: bytes,
        signal: AbortSignal.any(signals),
      });
      const responseBody = await response.text();
      return { ...base, status: response.status, responseBody, durationMs: Date.now() - startedAt };
    } catch (error) {
      const message = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
      return { ...base, status: null, error: message, responseBody: '', durationMs: Date.now() - startedAt };
    }
  }
}

export interface HandshakeOptions {
  mode?: string | null;
  challenge?: string | null;
}

export interface HandshakeResult {
  status: number;
  body: string;
  contentType: string | null;
  challenge: string | null;
}

/**
 * §1.1: the GET Meta sends when the callback URL or verify token is saved. Pass `null` to omit a
 * parameter (case 3). Success is 200 with the challenge as the body, byte for byte.
 */
export async function verifyHandshake(targetUrl: string, verifyToken: string | null, options: HandshakeOptions = {}): Promise<HandshakeResult> {
  const url = new URL(targetUrl);
  const mode = options.mode === undefined ? 'subscribe' : options.mode;
  const challenge = options.challenge === undefined ? String(Math.floor(1e9 + Math.random() * 9e9)) : options.challenge;
  if (mode !== null) url.searchParams.set('hub.mode', mode);
  if (challenge !== null) url.searchParams.set('hub.challenge', challenge);
  if (verifyToken !== null) url.searchParams.set('hub.verify_token', verifyToken);
  const response = await fetch(url, { headers: { 'user-agent': 'facebookplatform/1.0 (+http://developers.facebook.com)' } });
  return { status: response.status, body: await response.text(), contentType: response.headers.get('content-type'), challenge };
}
