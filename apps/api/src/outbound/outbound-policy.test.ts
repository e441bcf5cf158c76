import { describe, expect, it } from 'vitest';
import { checkOutboundUrl } from '@keluh/channels';
import { loadConfig } from '../config/config.ts';
import { mediaRulesFrom, outboundPolicyFrom } from './outbound-policy.ts';

describe('who the server may call beyond public https', () => {
  it('is nobody by default, so the demo stand-in address is refused like any loopback', () => {
    const policy = outboundPolicyFrom(loadConfig({}));
    expect(policy.allowHosts).toEqual([]);
    expect(checkOutboundUrl('http://127.0.0.1:3900/v23.0/me', policy)).toMatchObject({ reason: 'scheme' });
  });

  it('adds the in-process stand-in when DEMO_SIM=1 runs it, and only its port', () => {
    const policy = outboundPolicyFrom(loadConfig({ DEMO_SIM: '1' }));
    expect(checkOutboundUrl('http://127.0.0.1:3900/v23.0/me', policy)).toBeNull();
    expect(checkOutboundUrl('http://127.0.0.1:3901/', policy)).not.toBeNull();
  });

  it('adds what OUTBOUND_ALLOW_HOSTS lists, for media downloads too', () => {
    const config = loadConfig({ OUTBOUND_ALLOW_HOSTS: 'sim.internal:8080', MEDIA_MAX_BYTES: '2048', MEDIA_TIMEOUT_MS: '1500' });
    const rules = mediaRulesFrom(config, outboundPolicyFrom(config));
    expect(checkOutboundUrl('http://sim.internal:8080/ig_messaging_cdn/?asset_id=1', rules.instagram)).toBeNull();
    expect(checkOutboundUrl('https://cdn.example/x.jpg', rules.instagram)).toMatchObject({ reason: 'host' });
    expect(rules.whatsapp).toMatchObject({ hosts: ['lookaside.fbsbx.com'], maxBytes: 2048, timeoutMs: 1500 });
  });
});
