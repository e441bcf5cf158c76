import { MAX_MESSAGE_LENGTH, textLength, textLimits } from '@keluh/core';
import type { ChannelKind } from '@keluh/core';

export interface TextLimit {
  max: number;
  unit: 'characters' | 'bytes';
}

/** What the reply channel accepts: Instagram counts 1000 UTF-8 bytes, the others 4096 characters. */
export function textLimitFor(channel: ChannelKind): TextLimit {
  return textLimits[channel] ?? { max: MAX_MESSAGE_LENGTH, unit: 'characters' };
}

/** Length as the channel counts it; an emoji is one or two characters but four bytes. */
export function measureText(channel: ChannelKind, text: string): number {
  return textLength(channel, text);
}

/** The counter appears in the last tenth of the allowance, so it does not distract on normal replies. */
export function counterFrom(limit: TextLimit): number {
  return Math.floor(limit.max * 0.9);
}
