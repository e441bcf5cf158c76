import type { EmotionReading } from '@keluh/core';
import type { MessageDto } from '@keluh/contracts';

/** The reading ingest stores on each inbound customer message (`message.emotion`); null on ours. */
export function emotionOf(message: MessageDto): EmotionReading | null {
  return message.emotion ?? null;
}

/** The newest customer message that carries a reading, and that reading. */
export function latestEmotion(messages: readonly MessageDto[]): { message: MessageDto; reading: EmotionReading } | null {
  for (let i = messages.length - 1; i >= 0; i -= 1) {
    const message = messages[i]!;
    if (message.direction !== 'in') continue;
    const reading = emotionOf(message);
    if (reading) return { message, reading };
  }
  return null;
}
