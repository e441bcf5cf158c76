import { isIpLiteral } from './address.rules.ts';
import { systemResolver, vetHostname, type ResolveAll } from './guarded-lookup.ts';
import { checkOutboundUrl, isExplicitlyAllowed, type OutboundRefusal, type UrlRules } from './url.rules.ts';

/**
 * The save-time check for an admin-entered endpoint: the URL rules, then what its name resolves to now.
 * The send-time guard checks again on every connection; this only gives the admin the answer while
 * they are still looking at the form.
 */
export async function vetOutboundUrl(input: string, rules: UrlRules, resolve: ResolveAll = systemResolver): Promise<OutboundRefusal | null> {
  const refusal = checkOutboundUrl(input, rules);
  if (refusal) return refusal;
  const url = new URL(input);
  if (isExplicitlyAllowed(url, rules.allowHosts) || isIpLiteral(url.hostname)) return null;
  return vetHostname(url.hostname, url.href, resolve);
}
