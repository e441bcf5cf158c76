import { AppError } from '@keluh/core';
import { describeRefusal, vetOutboundUrl, type OutboundPolicy, type ResolveAll } from '@keluh/channels';

/**
 * An admin-entered endpoint (Graph base URL, API-channel webhook) checked while the admin is still on
 * the form: public https only, unless its host is in OUTBOUND_ALLOW_HOSTS. Nothing is stored when it
 * fails; the send-time guard checks every connection again anyway.
 */
export async function assertOutboundUrl(url: string, field: string, policy: OutboundPolicy, resolve?: ResolveAll): Promise<void> {
  const refusal = await vetOutboundUrl(url, { allowHosts: policy.allowHosts }, resolve);
  if (!refusal) return;
  const message = describeRefusal(refusal);
  throw new AppError('outbound.blocked', message, { field, reason: refusal.reason, issues: [{ path: `body.${field}`, message }] });
}
