import { ChannelMediaError, ChannelSendError, type MediaRefusalCode } from '@keluh/core';
import { OutboundBlockedError, outboundErrorIn, type OutboundLimit } from './outbound.errors.ts';

const limitCodes: Record<OutboundLimit, MediaRefusalCode> = {
  too_large: 'media.too_large',
  timeout: 'media.timeout',
  redirects: 'media.too_many_redirects',
};

/**
 * A download the guard refused or cut off, as the coded, final ChannelMediaError the media worker
 * stores on the attachment. Null for every other failure (those keep their retry rules).
 */
export function mediaRefusal(error: unknown): ChannelMediaError | null {
  const found = outboundErrorIn(error);
  if (!found) return null;
  if (found instanceof OutboundBlockedError) {
    return new ChannelMediaError(found.message, false, found.refusal.kind === 'address' ? 'media.blocked_address' : 'media.blocked_url');
  }
  return new ChannelMediaError(found.message, false, limitCodes[found.limit]);
}

/**
 * A send to an endpoint the guard refuses (a Graph base URL or webhook URL saved before the rule, or
 * one whose DNS now points inside our network): failed for good, since repeating it changes nothing.
 */
export function blockedSendError(error: unknown): ChannelSendError | null {
  const found = outboundErrorIn(error);
  if (!(found instanceof OutboundBlockedError)) return null;
  return new ChannelSendError({ code: 'outbound.blocked', reason: found.message, retryable: false });
}
