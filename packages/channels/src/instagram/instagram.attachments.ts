import type { AttachmentKind, InboundAttachment } from '@keluh/core';
import { asRecord, asString } from './instagram.payload.ts';

/**
 * Instagram attachment `type` → our attachment kind (§3.3). GIFs and stickers arrive as `image`.
 * Shared posts and reels carry only a URL (§3.3), so they are 'share' links rather than media we own;
 * story mentions and stories are 'story' because their CDN copy vanishes with the story.
 */
const kinds: Record<string, AttachmentKind> = {
  image: 'image',
  audio: 'audio',
  video: 'video',
  file: 'document',
  story_mention: 'story',
  story: 'story',
  ig_story: 'story',
  share: 'share',
  ig_post: 'share',
  ig_reel: 'share',
  reel: 'share',
  media: 'share',
  // Only ever seen in echoes of the heart sticker we can send (§3.6).
  like_heart: 'sticker',
};

/**
 * `attachments[]{type, payload{url}}`. The URL is Meta's CDN, fetched without a token and expiring at
 * an undocumented time (§3.3, §8.15): it is the `externalRef` the core downloads on receipt.
 * An unknown type is kept as 'unsupported' so the agent still sees that something was sent.
 */
export function mapAttachments(value: unknown): InboundAttachment[] {
  if (!Array.isArray(value)) return [];
  const attachments: InboundAttachment[] = [];
  for (const raw of value) {
    const item = asRecord(raw);
    const type = asString(item?.type);
    if (!item || !type) continue;
    const payload = asRecord(item.payload);
    const title = asString(payload?.title);
    const id = asString(payload?.id) ?? asString(payload?.reel_video_id);
    attachments.push({
      kind: kinds[type] ?? 'unsupported',
      externalRef: asString(payload?.url) ?? null,
      ...(title && { caption: title }),
      // The original type tells a reel from a post (or a mention from a story) in the console.
      data: { instagramType: type, ...(id && { id }) },
    });
  }
  return attachments;
}
