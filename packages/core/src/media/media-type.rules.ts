/**
 * What a stored attachment is, decided from its bytes. The type a channel (or a customer's phone)
 * claims is never trusted: an HTML page or an SVG with a script sent "as a photo" would otherwise be
 * served as something a browser runs, in the console's origin, next to an agent's session.
 *
 * Only the formats below are ever served inline, and only when the bytes start the way the format
 * does. Everything else is a download: `application/pdf` when it is one, `application/octet-stream`
 * otherwise.
 */

export const OCTET_STREAM = 'application/octet-stream';

/** Images, video and audio a browser shows without running anything. No SVG: it can carry script. */
export const INLINE_MEDIA_TYPES = [
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'image/avif',
  'video/mp4',
  'video/3gpp',
  'video/quicktime',
  'video/webm',
  'video/ogg',
  'audio/mpeg',
  'audio/mp4',
  'audio/aac',
  'audio/ogg',
  'audio/webm',
  'audio/wav',
  'audio/amr',
] as const;

export type InlineMediaType = (typeof INLINE_MEDIA_TYPES)[number];

export function isInlineMediaType(mimeType: string | null | undefined): mimeType is InlineMediaType {
  return (INLINE_MEDIA_TYPES as readonly string[]).includes(baseType(mimeType));
}

/** `audio/ogg; codecs=opus` → `audio/ogg`. */
export function baseType(mimeType: string | null | undefined): string {
  return (mimeType ?? '').split(';')[0]!.trim().toLowerCase();
}

const ascii = (bytes: Uint8Array, start: number, end: number): string => String.fromCharCode(...bytes.subarray(start, end));
const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0): boolean => signature.every((byte, index) => bytes[offset + index] === byte);

/** ISO base media (`ftyp` box): the brand tells 3GPP, QuickTime, AVIF and audio-only M4A apart. */
function isoMediaType(bytes: Uint8Array): string | null {
  if (ascii(bytes, 4, 8) !== 'ftyp') return null;
  const brand = ascii(bytes, 8, 12);
  if (brand.startsWith('3g')) return 'video/3gpp';
  if (brand === 'qt  ') return 'video/quicktime';
  if (brand === 'M4A ' || brand === 'M4B ') return 'audio/mp4';
  if (brand === 'avif' || brand === 'avis') return 'image/avif';
  // HEIF stills are not something browsers show; kept as a download.
  if (['heic', 'heix', 'mif1', 'msf1', 'hevc'].includes(brand)) return null;
  return 'video/mp4';
}

/** The type the bytes prove, or null when they match none of the formats we know. */
export function sniffMediaType(bytes: Uint8Array): string | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return 'image/gif';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'image/webp';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WAVE') return 'audio/wav';
  if (startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3]) && ascii(bytes, 0, 64).includes('webm')) return 'video/webm';
  if (ascii(bytes, 0, 4) === 'OggS') return 'audio/ogg';
  if (ascii(bytes, 0, 6) === '#!AMR\n') return 'audio/amr';
  if (ascii(bytes, 0, 3) === 'ID3') return 'audio/mpeg';
  // Frame sync without a tag: ADTS AAC (12 sync bits, layer 00), or MPEG audio layer 1–3.
  const second = bytes[1] ?? 0;
  if (bytes[0] === 0xff && (second & 0xf6) === 0xf0) return 'audio/aac';
  if (bytes[0] === 0xff && (second & 0xe0) === 0xe0 && (second & 0x06) !== 0) return 'audio/mpeg';
  if (ascii(bytes, 0, 5) === '%PDF-') return 'application/pdf';
  return isoMediaType(bytes);
}

/**
 * Containers that hold either sound or pictures: the claimed type may choose between the siblings
 * (a voice note in MP4, a video in Ogg), never outside them.
 */
const siblings: Record<string, readonly string[]> = {
  'video/mp4': ['video/mp4', 'audio/mp4'],
  'audio/mp4': ['audio/mp4', 'video/mp4'],
  'video/webm': ['video/webm', 'audio/webm'],
  'audio/ogg': ['audio/ogg', 'video/ogg'],
};

export interface MediaTypeDecision {
  mimeType: string;
  /** Shown in the browser (image, video, audio on the allow-list) rather than downloaded. */
  inline: boolean;
}

/** The type we store and serve: what the bytes are, the claim only picking between sibling formats. */
export function decideMediaType(bytes: Uint8Array, claimed?: string | null): MediaTypeDecision {
  const sniffed = sniffMediaType(bytes);
  if (!sniffed) return { mimeType: OCTET_STREAM, inline: false };
  const claim = baseType(claimed);
  const mimeType = siblings[sniffed]?.includes(claim) ? claim : sniffed;
  return { mimeType, inline: isInlineMediaType(mimeType) };
}
