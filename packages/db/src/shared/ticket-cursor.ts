import { AppError } from '@keluh/core';

/** Where a page of the inbox ended: the last row's sort key. */
export interface TicketCursor {
  lastMessageAt: string;
  id: number;
}

/** Opaque to clients, so the sort key can change without breaking their contract. */
export function encodeTicketCursor(cursor: TicketCursor): string {
  return Buffer.from(JSON.stringify([cursor.lastMessageAt, cursor.id]), 'utf8').toString('base64url');
}

// Cursors carry an Instant we wrote; anything else is tampering. PostgreSQL would refuse a bad time as a
// driver error, SQLite would compare it as text: both answer the same coded error instead.
const isInstant = (value: string): boolean => {
  const time = Date.parse(value);
  return !Number.isNaN(time) && new Date(time).toISOString() === value;
};

export function decodeTicketCursor(raw: string): TicketCursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2) {
      const [lastMessageAt, id] = value as unknown[];
      if (typeof lastMessageAt === 'string' && isInstant(lastMessageAt) && Number.isSafeInteger(id) && (id as number) > 0) {
        return { lastMessageAt, id: id as number };
      }
    }
  } catch {
    // Falls through to the validation error: garbage is the client's mistake, not a server fault.
  }
  throw new AppError('validation.failed', 'Invalid cursor', { issues: [{ path: 'cursor', message: 'Invalid cursor' }] });
}
