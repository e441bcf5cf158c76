import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ig, wa } from '@keluh/meta-sim';
import { parseAllowHosts } from '@keluh/channels';
import type { Message } from '@keluh/core';
import { eventually } from '../testing/test-app.ts';
import { startChannelHarness, type ChannelHarness } from '../testing/channel-harness.ts';
import { endless, redirectTo, startMediaServer, trickle, type MediaServer } from '../testing/media-server.ts';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(256, 3)]);
const MAX_BYTES = 64 * 1024;
const TIMEOUT_MS = 400;

/**
 * An attachment URL is the customer's to choose (Instagram sends it in the webhook; a WhatsApp lookup
 * answers one). The media worker must not become a way to read services inside our network: every such
 * download is refused with a code the agent sees on the attachment, and nothing is fetched.
 */
describe('attachment downloads that would reach inside our network', () => {
  let h: ChannelHarness;
  /** Something on this machine that must never be reached (an admin panel, a metadata proxy). */
  let internal: MediaServer;
  /** A CDN the operator listed in OUTBOUND_ALLOW_HOSTS, misbehaving. */
  let cdn: MediaServer;
  let n = 0;

  beforeAll(async () => {
    internal = await startMediaServer({ '/secret': (response) => response.writeHead(200, { 'content-type': 'image/png' }).end(PNG) });
    cdn = await startMediaServer({
      '/photo.png': (response) => response.writeHead(200, { 'content-type': 'image/png' }).end(PNG),
      '/to-private': redirectTo('https://10.9.8.7/photo.jpg'),
      '/to-internal': redirectTo(`http://127.0.0.1:${internal.port}/secret`),
      '/to-localhost': redirectTo(`https://localhost:${internal.port}/secret`, 307),
      '/huge': (response) => response.writeHead(200, { 'content-type': 'video/mp4', 'content-length': String(10 * MAX_BYTES) }).end(),
      '/endless': endless(50 * 1024 * 1024),
      '/trickle': trickle(50),
    });
    h = await startChannelHarness({
      config: {
        OUTBOUND_ALLOW_HOSTS: parseAllowHosts(cdn.host),
        // `localhost` passes the host rule here, so only the resolved address can refuse it.
        INSTAGRAM_CDN_HOSTS: ['lookaside.fbsbx.com', 'fbcdn.net', 'cdninstagram.com', 'localhost'],
        MEDIA_MAX_BYTES: MAX_BYTES,
        MEDIA_TIMEOUT_MS: TIMEOUT_MS,
      },
    });
  });
  afterAll(async () => {
    await h.close();
    await internal.close();
    await cdn.close();
  });
  beforeEach(() => {
    internal.hits.length = 0;
    cdn.hits.length = 0;
    cdn.streamed = 0;
  });

  /** A customer sends an Instagram photo at `url`; resolves with the attachment once the worker is done with it. */
  async function instagramPhoto(url: string): Promise<Message['attachments'][number]> {
    n += 1;
    const mid = `ig.ssrf.${n}`;
    await h.sim.webhooks.instagram.inbound('1122334455669001', ig.image(url, { mid }));
    let attachment: Message['attachments'][number] | undefined;
    await eventually(async () => {
      attachment = (await h.message('instagram', mid)).attachments[0];
      expect(attachment?.state).not.toBe('pending');
    }, 5_000);
    return attachment!;
  }

  it('still downloads from a listed host: the refusals below are about the address, not the feature', async () => {
    expect(await instagramPhoto(`${cdn.url}/photo.png`)).toMatchObject({ state: 'stored', mimeType: 'image/png' });
  });

  it.each([
    ['loopback', `https://127.0.0.1:${0}/secret`, 'media.blocked_address', /loopback/],
    ['a private address', 'https://10.0.0.7/photo.jpg', 'media.blocked_address', /private/],
    ['the cloud metadata service', 'https://169.254.169.254/latest/meta-data/iam/security-credentials/', 'media.blocked_address', /metadata/],
    ['loopback written as IPv4-mapped IPv6', `https://[::ffff:127.0.0.1]:${0}/secret`, 'media.blocked_address', /ipv4-mapped/],
    ['an unlisted local server over http', `http://127.0.0.1:${0}/secret`, 'media.blocked_url', /https/],
    ['a host that is not Meta’s CDN', 'https://cdn.attacker.example/photo.jpg', 'media.blocked_url', /not a host/],
    ['a javascript: URL', 'javascript:alert(document.cookie)', 'media.blocked_url', /./],
  ])('refuses an attachment URL at %s, with a coded reason on the attachment', async (_label, template, code, reason) => {
    const url = template.replace(':0/', `:${internal.port}/`);
    const attachment = await instagramPhoto(url);
    expect(attachment).toMatchObject({ state: 'unavailable', error: { code, reason: expect.stringMatching(reason) } });
    expect(attachment.url ?? null).toBeNull();
    expect(internal.hits).toHaveLength(0);
  });

  it('refuses a hostname that resolves to loopback, after DNS', async () => {
    const attachment = await instagramPhoto(`https://localhost:${internal.port}/secret`);
    expect(attachment).toMatchObject({ state: 'unavailable', error: { code: 'media.blocked_address', reason: expect.stringMatching(/loopback/) } });
    expect(internal.hits).toHaveLength(0);
  });

  it.each([
    ['a private address', '/to-private', 'media.blocked_address'],
    ['an unlisted local server', '/to-internal', 'media.blocked_url'],
    ['a name that resolves to loopback', '/to-localhost', 'media.blocked_address'],
  ])('refuses a redirect from a listed host to %s', async (_label, path, code) => {
    const attachment = await instagramPhoto(`${cdn.url}${path}`);
    expect(attachment).toMatchObject({ state: 'unavailable', error: { code } });
    expect(cdn.hits.map((hit) => hit.path)).toEqual([path]);
    expect(internal.hits).toHaveLength(0);
  });

  it('refuses a WhatsApp download URL the Graph lookup points inside our network, and never sends it the token', async () => {
    const issue = h.sim.media.issueUrl.bind(h.sim.media);
    h.sim.media.issueUrl = () => `https://127.0.0.1:${internal.port}/secret`;
    try {
      const ref = h.sim.media.describe(h.sim.media.add(PNG, 'image/png'));
      await h.sim.webhooks.whatsapp.inbound({ name: 'Rina', waId: '6281200009001' }, wa.image(ref, { id: 'wamid.ssrf.lookup' }));
      await eventually(async () => expect((await h.message('whatsapp', 'wamid.ssrf.lookup')).attachments[0]?.state).toBe('unavailable'), 5_000);
      expect((await h.message('whatsapp', 'wamid.ssrf.lookup')).attachments[0]?.error).toMatchObject({ code: 'media.blocked_address' });
      expect(internal.hits).toHaveLength(0);
    } finally {
      h.sim.media.issueUrl = issue;
    }
  });

  it('refuses a file that announces more than MEDIA_MAX_BYTES, and cuts one that streams past it', async () => {
    expect(await instagramPhoto(`${cdn.url}/huge`)).toMatchObject({ state: 'unavailable', error: { code: 'media.too_large' } });
    expect(await instagramPhoto(`${cdn.url}/endless`)).toMatchObject({ state: 'unavailable', error: { code: 'media.too_large' } });
    // The sender meant 50 MB; the connection was closed a few socket buffers past the cap.
    expect(cdn.streamed).toBeLessThan(8 * 1024 * 1024);
  });

  it('cuts a download that trickles past MEDIA_TIMEOUT_MS, and does not try it again', async () => {
    const started = Date.now();
    expect(await instagramPhoto(`${cdn.url}/trickle`)).toMatchObject({ state: 'unavailable', error: { code: 'media.timeout' } });
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS + 1_500);
    // The worker retries ordinary failures after 2 s; a refusal would only be refused again.
    await new Promise((resolve) => setTimeout(resolve, 2_300));
    expect(cdn.hits.map((hit) => hit.path)).toEqual(['/trickle']);
  });
});
