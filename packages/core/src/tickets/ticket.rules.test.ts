import { describe, expect, it } from 'vitest';
import { isActive, subjectFrom } from './ticket.rules.ts';

describe('ticket rules', () => {
  it('threads new messages into open and pending tickets only', () => {
    expect(isActive({ status: 'open' })).toBe(true);
    expect(isActive({ status: 'pending' })).toBe(true);
    expect(isActive({ status: 'resolved' })).toBe(false);
    expect(isActive({ status: 'closed' })).toBe(false);
  });

  it('takes the subject from the first non-blank line, shortened', () => {
    expect(subjectFrom('\n\n  Paket belum sampai  \nsudah 6 hari')).toBe('Paket belum sampai');
    expect(subjectFrom('x'.repeat(100))).toHaveLength(80);
  });
});
