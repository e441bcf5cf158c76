import { isInlineMediaType } from '@keluh/core';
import type { MessageDto } from '@keluh/contracts';
import { safeLink } from '../../ui/safe-link.ts';

export type AttachmentDto = MessageDto['attachments'][number];

/** How an attachment is drawn; decided by what its bytes are, since Instagram stories and shares can be either. */
export type AttachmentDisplay = 'image' | 'sticker' | 'video' | 'audio' | 'document' | 'location' | 'contacts' | 'unsupported';

/**
 * Once stored, the type the server decided from the bytes wins over the kind the channel announced:
 * a "photo" that turned out to be an HTML page or an SVG is shown as a file to download, never drawn.
 */
function storedDisplay(attachment: AttachmentDto): AttachmentDisplay | null {
  if (stateOf(attachment) !== 'stored' || !attachment.mimeType) return null;
  if (!isInlineMediaType(attachment.mimeType)) return 'document';
  if (attachment.mimeType.startsWith('image/')) return attachment.kind === 'sticker' ? 'sticker' : 'image';
  return attachment.mimeType.startsWith('video/') ? 'video' : 'audio';
}

export function displayOf(attachment: AttachmentDto): AttachmentDisplay {
  const { kind } = attachment;
  if (kind === 'location' || kind === 'contacts') return kind;
  const stored = storedDisplay(attachment);
  if (stored) return stored;
  if (kind === 'sticker') return kind;
  const mime = attachment.mimeType ?? '';
  if (kind === 'image' || mime.startsWith('image/')) return 'image';
  if (kind === 'video' || mime.startsWith('video/')) return 'video';
  if (kind === 'audio' || mime.startsWith('audio/')) return 'audio';
  if (kind === 'document') return 'document';
  // A story or share whose type we do not know yet (still downloading) gets the picture-sized slot.
  if (kind === 'story' || kind === 'share') return 'image';
  return 'unsupported';
}

/** Outbound files have a URL and no download state; channel media start pending. */
export function stateOf(attachment: AttachmentDto): 'pending' | 'stored' | 'unavailable' {
  if (attachment.state) return attachment.state;
  return attachment.url ? 'stored' : attachment.kind === 'location' || attachment.kind === 'contacts' ? 'stored' : 'unavailable';
}

export interface MapPoint {
  latitude: number;
  longitude: number;
  name: string | null;
  address: string | null;
}

export function mapPointOf(attachment: AttachmentDto): MapPoint | null {
  const data = attachment.data ?? {};
  const latitude = typeof data.latitude === 'number' ? data.latitude : null;
  const longitude = typeof data.longitude === 'number' ? data.longitude : null;
  const name = typeof data.name === 'string' && data.name ? data.name : null;
  const address = typeof data.address === 'string' && data.address ? data.address : null;
  if (latitude === null || longitude === null) return null;
  return { latitude, longitude, name, address };
}

/** A link only: the console loads no map tiles from third parties. */
export function openStreetMapUrl(point: Pick<MapPoint, 'latitude' | 'longitude'>): string {
  const lat = round(point.latitude);
  const lon = round(point.longitude);
  return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=17/${lat}/${lon}`;
}

export function formatCoordinates(point: Pick<MapPoint, 'latitude' | 'longitude'>): string {
  return `${round(point.latitude)}, ${round(point.longitude)}`;
}

/** Six decimals is about 10 cm: more precision than any phone's GPS reports. */
function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

export interface ContactCard {
  name: string;
  organisation: string | null;
  phones: string[];
  emails: string[];
}

/** WhatsApp contact cards (`name.formatted_name`, `phones[].phone`, `emails[].email`, `org.company`). */
export function contactCardsOf(attachment: AttachmentDto): ContactCard[] {
  const raw = attachment.data?.contacts;
  if (!Array.isArray(raw)) return [];
  return raw.filter(isRecord).map((card) => {
    const name = isRecord(card.name) ? card.name : {};
    const formatted = text(name.formatted_name) ?? [text(name.first_name), text(name.last_name)].filter(Boolean).join(' ');
    const org = isRecord(card.org) ? text(card.org.company) : null;
    return {
      name: formatted || '—',
      organisation: org,
      phones: listOf(card.phones, 'phone'),
      emails: listOf(card.emails, 'email'),
    };
  });
}

/** `url` is only ever http(s) or our own path: anything else from the channel is dropped (safe-link.ts). */
export type StoryReference = { kind: 'reply' | 'mention' | 'shared'; url: string | null };

/**
 * Instagram story context: a reply to our story carries `context.story`, a mention arrives as a
 * `story` attachment whose original type is `story_mention`.
 */
export function storyOf(message: Pick<MessageDto, 'context' | 'attachments'>): StoryReference | null {
  const story = message.context?.story;
  if (isRecord(story)) return { kind: 'reply', url: safeLink(story.url) };
  const attachment = message.attachments.find((candidate) => candidate.kind === 'story');
  if (!attachment) return null;
  const mention = attachment.data?.instagramType === 'story_mention';
  return { kind: mention ? 'mention' : 'shared', url: safeLink(attachment.url) };
}

/** Small notes shown above the text: forwarded, came from an ad, tapped a button. */
export type ContextNote = { key: 'forwarded' | 'frequentlyForwarded' | 'button' | 'listReply' | 'referral'; name?: string };

export function contextNotesOf(context: MessageDto['context']): ContextNote[] {
  if (!context) return [];
  const notes: ContextNote[] = [];
  if (context.frequentlyForwarded === true) notes.push({ key: 'frequentlyForwarded' });
  else if (context.forwarded === true) notes.push({ key: 'forwarded' });
  if (isRecord(context.button)) notes.push({ key: 'button' });
  if (isRecord(context.interactive)) notes.push({ key: context.interactive.type === 'list_reply' ? 'listReply' : 'button' });
  if (isRecord(context.referral)) {
    const referral = context.referral;
    const name = text(referral.adTitle) ?? text(referral.headline) ?? text(referral.source_url) ?? text(referral.ref);
    notes.push({ key: 'referral', ...(name && { name }) });
  }
  return notes;
}

function listOf(value: unknown, field: string): string[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((entry) => text(entry[field])).filter((entry): entry is string => entry !== null);
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
