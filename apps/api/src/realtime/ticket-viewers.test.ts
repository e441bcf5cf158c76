import { describe, expect, it } from 'vitest';
import { foldViewers, isWatchEntryList } from './ticket-viewers.ts';

const maya = { userId: 2, name: 'Maya', typing: false, since: '2026-03-02T03:00:05.000Z' };
const sari = { userId: 3, name: 'Sari', typing: false, since: '2026-03-02T03:00:01.000Z' };

describe('folding the tabs that have a ticket open into its viewers', () => {
  it('shows a person once however many tabs they have open, typing if any tab is', () => {
    const otherTab = { ...maya, typing: true, since: '2026-03-02T03:00:09.000Z' };
    expect(foldViewers([maya, otherTab])).toEqual([{ ...maya, typing: true }]);
  });

  it('counts someone as viewing since their earliest tab', () => {
    const earlierTab = { ...maya, since: '2026-03-02T02:59:00.000Z' };
    expect(foldViewers([maya, earlierTab])[0]!.since).toBe('2026-03-02T02:59:00.000Z');
  });

  it('lists whoever opened the ticket first first, so avatars keep their places', () => {
    expect(foldViewers([maya, sari]).map((viewer) => viewer.name)).toEqual(['Sari', 'Maya']);
    expect(foldViewers([{ ...maya, since: sari.since }, sari]).map((viewer) => viewer.userId)).toEqual([2, 3]);
  });

  it('shows nobody when nobody has the ticket open', () => {
    expect(foldViewers([])).toEqual([]);
  });

  it('accepts only well-formed entries from another process', () => {
    expect(isWatchEntryList([maya, sari])).toBe(true);
    expect(isWatchEntryList([{ ...maya, typing: 'yes' }])).toBe(false);
    expect(isWatchEntryList({ 0: maya })).toBe(false);
    expect(isWatchEntryList([null])).toBe(false);
  });
});
