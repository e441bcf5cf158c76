import { ChannelSendError } from '@keluh/core';
import type { GraphError } from '../meta/graph-error.ts';

/**
 * Graph error → what the outbox does (§2.9 table). Decisions key on `code` only, never on titles or
 * the HTTP status (§2.9, §8.1); the HTTP status is a fallback only when no Graph code came back.
 * `retryAfterMs` is the first wait; the outbox backs off exponentially and caps attempts from there.
 */
const retryAfter: Record<number, number> = {
  2: 5_000, // API service temporarily unavailable
  4: 60_000, // app-level call limit: windows are long
  80007: 60_000, // WABA rate limit
  130429: 2_000, // number throughput (80 mps) exceeded: clears within seconds
  131000: 5_000, // unknown error: retried, capped by the outbox
  131052: 5_000, // media download error: "retry once, then fail"
  131053: 5_000, // media upload error
  131056: 4_000, // pair limit: Meta says wait 4^X s; the outbox has no attempt number, so it compounds
  131057: 30_000, // number in maintenance for ≤ 1 minute
};

const reconnectCodes = new Set([0, 190]);

export function whatsappSendError(error: GraphError): ChannelSendError {
  const code = error.code;
  const metaReason = error.details ?? error.message;
  if (code !== null && reconnectCodes.has(code)) {
    // Every further send would fail the same way: pause the queue instead of failing each message (case 45).
    return new ChannelSendError({
      code: 'channel.reconnect_needed',
      reason: `The WhatsApp access token is expired or invalid; reconnect the channel. (${error.message})`,
      retryable: false,
      pauseChannel: true,
    });
  }
  if (code === 131047) {
    return new ChannelSendError({
      code: 'channel.window_closed',
      reason: 'The customer last wrote more than 24 hours ago: WhatsApp accepts only an approved template until they reply.',
      retryable: false,
    });
  }
  if (code !== null && retryAfter[code] !== undefined) {
    return new ChannelSendError({ code: `whatsapp.${code}`, reason: metaReason, retryable: true, retryAfterMs: retryAfter[code] });
  }
  if (code !== null) return new ChannelSendError({ code: `whatsapp.${code}`, reason: metaReason, retryable: false });
  // No Graph envelope (a proxy or outage page): only then does the HTTP status decide.
  const transient = error.httpStatus >= 500 || error.httpStatus === 429;
  return new ChannelSendError({
    code: `whatsapp.http_${error.httpStatus}`,
    reason: metaReason,
    retryable: transient,
    ...(transient && { retryAfterMs: 5_000 }),
  });
}

/** fetch rejected (DNS, reset, timeout): Meta may never have seen the request, so try again. */
export function whatsappNetworkError(cause: unknown): ChannelSendError {
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new ChannelSendError({ code: 'channel.network_error', reason: `Could not reach the WhatsApp Graph API: ${detail}`, retryable: true, retryAfterMs: 5_000 });
}
