import { describe, expect, it } from 'vitest';
import { replyTextLimit } from '@keluh/core';
import { counterFrom } from './text-limit.ts';

describe('the composer counter', () => {
  it('shows from 90 % of what the reply channel allows', () => {
    expect(counterFrom(replyTextLimit('instagram'))).toBe(900);
    expect(counterFrom(replyTextLimit('whatsapp'))).toBe(3686);
  });
});
