import type { replyTextLimit } from '@keluh/core';

/** What a reply on the channel may hold, and in what unit (core's replyTextLimit). */
export type TextLimit = ReturnType<typeof replyTextLimit>;

/** The counter appears in the last tenth of the allowance, so it does not distract on normal replies. */
export function counterFrom(limit: TextLimit): number {
  return Math.floor(limit.max * 0.9);
}
