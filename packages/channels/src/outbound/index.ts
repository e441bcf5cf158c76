export { classifyAddress, isIpLiteral, type AddressClass } from './address.rules.ts';
export { checkOutboundUrl, describeRefusal, hostMatches, isExplicitlyAllowed, parseAllowHosts, type AllowedHost, type OutboundRefusal, type UrlRules } from './url.rules.ts';
export { OutboundBlockedError, OutboundLimitError, outboundErrorIn, type OutboundLimit } from './outbound.errors.ts';
export { guardedLookup, systemResolver, vetHostname, type ResolveAll } from './guarded-lookup.ts';
export { createGuardedFetch, type GuardedFetch, type OutboundPolicy } from './guarded-fetch.ts';
export { DEFAULT_MEDIA_LIMITS, downloadMedia, type DownloadedMedia, type MediaFetch, type MediaRules } from './media-download.ts';
export { blockedSendError, mediaRefusal } from './channel-errors.ts';
export { vetOutboundUrl } from './vet-url.ts';
