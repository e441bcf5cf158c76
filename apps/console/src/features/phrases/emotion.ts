import type { EmotionReading } from '@keluh/core';
import type { MessageDto } from '@keluh/contracts';

/**
 * The reading ingest stores on each inbound message (`message.emotion`). Read defensively: until the
 * empathy slice's contract change is merged, MessageDto does not declare the field yet.
 */
export function emotionOf(message: MessageDto): EmotionReading | null {
  const reading = (message as MessageDto & { emotion?: EmotionReading | null }).emotion;
  return reading && typeof reading.anger === 'number' ? reading : null;
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
