import { describe, expect, it } from 'vitest';
import { decideMediaType, isInlineMediaType, sniffMediaType } from './media-type.rules.ts';

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  new Uint8Array(parts.flatMap((part) => (typeof part === 'string' ? [...part].map((char) => char.charCodeAt(0)) : part)));
const pad = new Array(32).fill(0);

describe('what a stored attachment is', () => {
  it.each([
    ['JPEG', bytes([0xff, 0xd8, 0xff, 0xe0], pad), 'image/jpeg'],
    ['PNG', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], pad), 'image/png'],
    ['GIF', bytes('GIF89a', pad), 'image/gif'],
    ['WebP sticker', bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 ', pad), 'image/webp'],
    ['MP4 video', bytes([0, 0, 0, 0x20], 'ftypisom', pad), 'video/mp4'],
    ['3GPP video', bytes([0, 0, 0, 0x18], 'ftyp3gp4', pad), 'video/3gpp'],
    ['QuickTime', bytes([0, 0, 0, 0x14], 'ftypqt  ', pad), 'video/quicktime'],
    ['M4A audio', bytes([0, 0, 0, 0x20], 'ftypM4A ', pad), 'audio/mp4'],
    ['WhatsApp voice note (Ogg Opus)', bytes('OggS', pad), 'audio/ogg'],
    ['AMR', bytes('#!AMR\n', pad), 'audio/amr'],
    ['MP3 with a tag', bytes('ID3', pad), 'audio/mpeg'],
    ['MP3 frame', bytes([0xff, 0xfb, 0x90], pad), 'audio/mpeg'],
    ['ADTS AAC', bytes([0xff, 0xf1, 0x50], pad), 'audio/aac'],
    ['WAV', bytes('RIFF', [0, 0, 0, 0], 'WAVEfmt ', pad), 'audio/wav'],
    ['WebM', bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x82, 0x84], 'webm', pad), 'video/webm'],
    ['PDF', bytes('%PDF-1.7\n', pad), 'application/pdf'],
  ])('recognises %s from its first bytes', (_label, data, type) => {
    expect(sniffMediaType(data)).toBe(type);
  });

  it.each([
    ['an HTML page', bytes('<!doctype html><script>fetch("/api/tickets")</script>')],
    ['an SVG with a script', bytes('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')],
    ['an HTML page after a byte-order mark', bytes([0xef, 0xbb, 0xbf], '<html><script>1</script>')],
    ['a HEIC photo', bytes([0, 0, 0, 0x18], 'ftypheic', pad)],
    ['nothing at all', new Uint8Array(0)],
  ])('knows nothing about %s, so it is a download', (_label, data) => {
    expect(sniffMediaType(data)).toBeNull();
    expect(decideMediaType(data, 'image/jpeg')).toEqual({ mimeType: 'application/octet-stream', inline: false });
  });

  it('trusts the bytes over the claim', () => {
    const png = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], pad);
    expect(decideMediaType(png, 'image/jpeg')).toEqual({ mimeType: 'image/png', inline: true });
    expect(decideMediaType(png, 'text/html')).toEqual({ mimeType: 'image/png', inline: true });
    expect(decideMediaType(bytes('%PDF-1.4', pad), 'image/jpeg')).toEqual({ mimeType: 'application/pdf', inline: false });
  });

  it('lets the claim choose only between sibling formats of one container', () => {
    const mp4 = bytes([0, 0, 0, 0x20], 'ftypmp42', pad);
    expect(decideMediaType(mp4, 'audio/mp4').mimeType).toBe('audio/mp4');
    expect(decideMediaType(mp4, 'text/html').mimeType).toBe('video/mp4');
    expect(decideMediaType(bytes('OggS', pad), 'audio/ogg; codecs=opus').mimeType).toBe('audio/ogg');
    expect(decideMediaType(bytes('OggS', pad), 'video/ogg').mimeType).toBe('video/ogg');
  });

  it('allows inline only pictures, video and sound a browser cannot run', () => {
    expect(isInlineMediaType('image/png')).toBe(true);
    expect(isInlineMediaType('audio/ogg; codecs=opus')).toBe(true);
    expect(isInlineMediaType('image/svg+xml')).toBe(false);
    expect(isInlineMediaType('text/html')).toBe(false);
    expect(isInlineMediaType('application/pdf')).toBe(false);
    expect(isInlineMediaType(null)).toBe(false);
  });
});
