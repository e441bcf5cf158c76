import { ChannelSendError } from '@keluh/core';
import type { GraphError } from '../meta/graph-error.ts';

/**
 * Window-closed subcodes: 2534022 from field reports [O] `[keycrm]`, 1545041 from Meta's send page
 * `[mp-send]`. The sources conflict (§3.8, §8.7), so both count as "outside the allowed window".
 */
const WINDOW_SUBCODES = new Set([2534022, 1545041]);

/**
 * Our own back-off when Graph gives no `Retry-After`: per-second send caps (613) clear fast, the
 * app/user/page call budgets (4/17/32) are rolling windows that take minutes (§3.8, §3.9).
 */
const SEND_RATE_BACKOFF_MS = 10_000;
const CALL_BUDGET_BACKOFF_MS = 60_000;

export function isWindowError(error: GraphError): boolean {
  return error.code === 10 && (error.subcode === null ? /window/i.test(error.message) : WINDOW_SUBCODES.has(error.subcode));
}

export function windowClosedError(reason: string): ChannelSendError {
  return new ChannelSendError({ code: 'channel.window_closed', reason, retryable: false });
}

/**
 * Graph error → what the outbox does with the message (§3.8). The decision rests on `error.code`
 * only; Meta's wording is not stable enough to branch on.
 */
export function sendErrorFromGraph(error: GraphError, network: boolean, retryAfterMs: number | undefined, blocked = false): ChannelSendError {
  const detail = `Instagram: ${error.message}`;
  // The Graph base URL points somewhere the outbound guard refuses: nothing was sent, nor will be.
  if (blocked) return new ChannelSendError({ code: 'outbound.blocked', reason: error.message, retryable: false });
  if (network) return new ChannelSendError({ code: 'instagram.network_error', reason: `Could not reach Instagram: ${error.message}`, retryable: true });
  const code = error.code;
  // An expired or revoked token fails every send alike: pause the channel's queue until an admin
  // reconnects it, instead of burning each message's retries (case 45).
  if (code === 190 || (code === null && error.httpStatus === 401)) {
    return new ChannelSendError({ code: 'channel.reconnect_needed', reason: `The Instagram access token is no longer valid; reconnect the account. ${detail}`, retryable: false, pauseChannel: true });
  }
  if (code === 551) {
    return new ChannelSendError({ code: 'instagram.user_unavailable', reason: 'The customer blocked this account or is unavailable on Instagram (deactivated or restricted)', retryable: false, recipientUnreachable: true });
  }
  if (code === 613) return rateLimited(detail, retryAfterMs ?? SEND_RATE_BACKOFF_MS);
  if (code === 4 || code === 17 || code === 32) return rateLimited(detail, retryAfterMs ?? CALL_BUDGET_BACKOFF_MS);
  // Code 2 is Meta's "temporary, retry later"; the outbox caps the attempts.
  if (code === 2) return new ChannelSendError({ code: 'instagram.temporary_error', reason: detail, retryable: true, ...(retryAfterMs !== undefined && { retryAfterMs }) });
  if (isWindowError(error)) return windowClosedError('Instagram refused the reply: it is outside the allowed messaging window');
  if (code === 100) return new ChannelSendError({ code: 'instagram.invalid_request', reason: detail, retryable: false });
  if (code === 10 || (code !== null && code >= 200 && code <= 299)) {
    return new ChannelSendError({ code: 'instagram.permission_missing', reason: `The Instagram app lacks a permission for this send. ${detail}`, retryable: false });
  }
  // Anything else: Meta's own 5xx are worth a bounded retry, a 4xx will not improve by repeating it.
  const retryable = error.httpStatus >= 500 || error.httpStatus === 429;
  return new ChannelSendError({ code: 'instagram.send_failed', reason: detail, retryable, ...(retryable && retryAfterMs !== undefined && { retryAfterMs }) });
}

function rateLimited(reason: string, retryAfterMs: number): ChannelSendError {
  return new ChannelSendError({ code: 'instagram.rate_limited', reason, retryable: true, retryAfterMs });
}
