import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_MESSAGE_LENGTH, nextDeliveryStatus, previewOf, validateMessageBody } from './message.rules.ts';
import type { DeliveryStatus } from './message.types.ts';

describe('message bodies', () => {
  it('keeps a body exactly as typed, line breaks included', () => {
    expect(validateMessageBody('  Halo,\nsaya mau komplain  ')).toBe('  Halo,\nsaya mau komplain  ');
  });

  it('accepts exactly 4,096 characters and refuses one more', () => {
    expect(validateMessageBody('a'.repeat(MAX_MESSAGE_LENGTH))).toHaveLength(MAX_MESSAGE_LENGTH);
    expect(() => validateMessageBody('a'.repeat(MAX_MESSAGE_LENGTH + 1))).toThrow(expect.objectContaining({ code: 'message.body_too_long', status: 400 }));
  });

  it.each([[''], ['   '], ['\n\t\r ']])('refuses a blank body %j', (body) => {
    expect(() => validateMessageBody(body)).toThrow(expect.objectContaining({ code: 'message.body_empty' }));
  });

  it.each([[null], [undefined], [42], [{}], [['hi']]])('refuses a body that is not a string: %j', (body) => {
    expect(() => validateMessageBody(body)).toThrow(expect.objectContaining({ code: 'message.body_invalid' }));
  });

  it('previews long bodies on one line', () => {
    expect(previewOf('Halo\n\nini   panjang', 10)).toBe('Halo ini …');
    expect(previewOf('pendek')).toBe('pendek');
  });
});

describe('delivery status of an outbound message', () => {
  const rank: Record<DeliveryStatus, number> = { received: 0, queued: 0, sent: 1, failed: 1, delivered: 2, read: 3 };
  const statuses: DeliveryStatus[] = ['queued', 'sent', 'delivered', 'read', 'failed'];

  it('moves forward when a later status arrives', () => {
    expect(nextDeliveryStatus('queued', 'sent')).toBe('sent');
    expect(nextDeliveryStatus('sent', 'read')).toBe('read');
  });

  it('ignores a status that arrives late, such as delivered after read', () => {
    expect(nextDeliveryStatus('read', 'delivered')).toBeNull();
    expect(nextDeliveryStatus('delivered', 'sent')).toBeNull();
  });

  it('lets a failure replace queued or sent, but never a message the customer already has', () => {
    expect(nextDeliveryStatus('sent', 'failed')).toBe('failed');
    expect(nextDeliveryStatus('delivered', 'failed')).toBeNull();
    expect(nextDeliveryStatus('failed', 'read')).toBeNull();
  });

  it('never moves backwards, whatever order the statuses arrive in', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...statuses), { maxLength: 12 }), (arrivals) => {
        let current: DeliveryStatus = 'queued';
        for (const incoming of arrivals) {
          const next = nextDeliveryStatus(current, incoming);
          if (next === null) continue;
          if (next !== 'failed') expect(rank[next]).toBeGreaterThan(rank[current]);
          current = next;
        }
      }),
    );
  });
});
