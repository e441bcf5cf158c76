import { AppError } from '../shared/errors.ts';
import type { DeliveryStatus } from './message.types.ts';

export const MAX_MESSAGE_LENGTH = 4096;

/** Validates and normalises an agent's or visitor's message body; bodies are stored as typed. */
export function validateMessageBody(body: unknown): string {
  if (typeof body !== 'string') throw new AppError('message.body_invalid', 'Message body must be a string');
  if (body.trim().length === 0) throw new AppError('message.body_empty', 'Message body is empty');
  if (body.length > MAX_MESSAGE_LENGTH) {
    throw new AppError('message.body_too_long', `Message body exceeds ${MAX_MESSAGE_LENGTH} characters`, {
      max: MAX_MESSAGE_LENGTH,
      length: body.length,
    });
  }
  return body;
}

const progressRank: Record<DeliveryStatus, number> = {
  received: 0,
  queued: 0,
  sent: 1,
  delivered: 2,
  read: 3,
  failed: 1,
};

/**
 * Channels deliver statuses out of order (a `read` can beat `delivered`), so status only moves forward.
 * `failed` may replace queued/sent but never a message the customer already received.
 */
export function nextDeliveryStatus(current: DeliveryStatus, incoming: DeliveryStatus): DeliveryStatus | null {
  if (current === incoming) return null;
  if (incoming === 'failed') return current === 'queued' || current === 'sent' ? 'failed' : null;
  if (current === 'failed') return null;
  return progressRank[incoming] > progressRank[current] ? incoming : null;
}

export function previewOf(body: string, max = 140): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
