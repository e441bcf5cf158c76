import { describe, expect, it } from 'vitest';
import { message } from '../../test/fixtures.ts';
import { replyWaitMs } from './reply-wait.ts';

const minute = 60_000;
const now = Date.UTC(2025, 0, 6, 9, 30);

describe('how long the customer has waited for us', () => {
  it('counts from their last message when we have not answered it', () => {
    const messages = [message(1, 1, { minute: 1 }), message(2, 1, { minute: 5, direction: 'out', authorKind: 'agent' }), message(3, 1, { minute: 10 })];
    expect(replyWaitMs(messages, now)).toBe(20 * minute);
  });

  it('is nothing once our reply is the last word, and a system message does not count as one', () => {
    expect(replyWaitMs([message(1, 1, { minute: 1 }), message(2, 1, { minute: 5, direction: 'out', authorKind: 'agent' })], now)).toBeNull();
    expect(replyWaitMs([message(1, 1, { minute: 1 }), message(2, 1, { minute: 5, direction: 'out', authorKind: 'system' })], now)).toBe(29 * minute);
  });
});
