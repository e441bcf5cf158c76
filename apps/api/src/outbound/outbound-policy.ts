import { parseAllowHosts, WHATSAPP_MEDIA_HOSTS, type MediaRules, type OutboundPolicy } from '@keluh/channels';
import type { Config } from '../config/config.ts';
import { demoSimUrl } from '../seed/demo-channels.ts';

/**
 * Who the server may call beyond public https: only what the operator listed, plus the in-process
 * Meta stand-in when DEMO_SIM=1 runs it (the demo channels point at it).
 */
export function outboundPolicyFrom(config: Config): OutboundPolicy {
  const demo = config.DEMO_SIM ? parseAllowHosts(new URL(demoSimUrl(config.META_SIM_PORT)).host) : [];
  return { allowHosts: [...config.OUTBOUND_ALLOW_HOSTS, ...demo] };
}

export interface ChannelMediaRules {
  whatsapp: MediaRules;
  instagram: MediaRules;
}

export function mediaRulesFrom(config: Config, policy: OutboundPolicy): ChannelMediaRules {
  const limits = { allowHosts: policy.allowHosts, maxBytes: config.MEDIA_MAX_BYTES, timeoutMs: config.MEDIA_TIMEOUT_MS };
  return { whatsapp: { ...limits, hosts: WHATSAPP_MEDIA_HOSTS }, instagram: { ...limits, hosts: config.INSTAGRAM_CDN_HOSTS } };
}
