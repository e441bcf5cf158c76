import { describe, expect, it } from 'vitest';
import { checkOutboundUrl, hostMatches, parseAllowHosts } from './url.rules.ts';

const none = { allowHosts: [] };

describe('what an outbound URL may look like', () => {
  it('reads OUTBOUND_ALLOW_HOSTS entries as host with an optional port', () => {
    expect(parseAllowHosts(' 127.0.0.1:3900, LocalHost ,[::1]:8080,,')).toEqual([
      { hostname: '127.0.0.1', port: '3900' },
      { hostname: 'localhost', port: null },
      { hostname: '[::1]', port: '8080' },
    ]);
    expect(() => parseAllowHosts('http://127.0.0.1:3900')).toThrow(/host or host:port/);
    expect(() => parseAllowHosts('127.0.0.1:3900/path')).toThrow();
  });

  it('calls only https, without credentials, and no literal internal address', () => {
    expect(checkOutboundUrl('https://graph.facebook.com/v23.0', none)).toBeNull();
    expect(checkOutboundUrl('http://graph.facebook.com/v23.0', none)).toMatchObject({ kind: 'url', reason: 'scheme' });
    expect(checkOutboundUrl('javascript:alert(1)', none)).toMatchObject({ kind: 'url', reason: 'scheme' });
    expect(checkOutboundUrl('file:///etc/passwd', none)).toMatchObject({ kind: 'url', reason: 'scheme' });
    expect(checkOutboundUrl('not a url', none)).toMatchObject({ kind: 'url', reason: 'invalid' });
    expect(checkOutboundUrl('https://user:pw@graph.facebook.com/', none)).toMatchObject({ kind: 'url', reason: 'credentials' });
    expect(checkOutboundUrl('https://127.0.0.1:8443/', none)).toMatchObject({ kind: 'address', reason: 'loopback', address: '127.0.0.1' });
    expect(checkOutboundUrl('https://[::ffff:127.0.0.1]/', none)).toMatchObject({ kind: 'address', reason: 'ipv4_mapped' });
    expect(checkOutboundUrl('https://169.254.169.254/latest/meta-data/', none)).toMatchObject({ kind: 'address', reason: 'metadata' });
    // The URL parser normalises the odd spellings of 127.0.0.1 before we look.
    expect(checkOutboundUrl('https://2130706433/', none)).toMatchObject({ kind: 'address', reason: 'loopback' });
    expect(checkOutboundUrl('https://0x7f.1/', none)).toMatchObject({ kind: 'address', reason: 'loopback' });
  });

  it('lets an explicitly allowed host through over http and on loopback, on its port only', () => {
    const rules = { allowHosts: parseAllowHosts('127.0.0.1:3900') };
    expect(checkOutboundUrl('http://127.0.0.1:3900/v23.0/me', rules)).toBeNull();
    expect(checkOutboundUrl('http://127.0.0.1:3901/v23.0/me', rules)).toMatchObject({ reason: 'scheme' });
    expect(checkOutboundUrl('https://127.0.0.1:3901/', rules)).toMatchObject({ reason: 'loopback' });
    expect(checkOutboundUrl('http://127.0.0.1:80/', { allowHosts: parseAllowHosts('127.0.0.1') })).toBeNull();
  });

  it('holds channel media to the hosts the channel documents', () => {
    const cdn = { allowHosts: [], hosts: ['lookaside.fbsbx.com', 'fbcdn.net'] };
    expect(checkOutboundUrl('https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=1', cdn)).toBeNull();
    expect(checkOutboundUrl('https://scontent.xx.fbcdn.net/v/photo.jpg', cdn)).toBeNull();
    expect(checkOutboundUrl('https://evil-fbcdn.net/photo.jpg', cdn)).toMatchObject({ kind: 'url', reason: 'host' });
    expect(checkOutboundUrl('https://fbcdn.net.evil.example/photo.jpg', cdn)).toMatchObject({ kind: 'url', reason: 'host' });
    expect(checkOutboundUrl('https://lookaside.fbsbx.com@evil.example/', cdn)).toMatchObject({ reason: 'credentials' });
    expect(hostMatches('FBCDN.NET.', ['fbcdn.net'])).toBe(true);
  });
});
