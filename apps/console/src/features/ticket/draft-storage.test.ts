import { describe, expect, it } from 'vitest';
import { DRAFT_TTL_MS, loadDrafts, saveDrafts } from './draft-storage.ts';

function memory(initial: string | null = null) {
  let value = initial;
  return { getItem: () => value, setItem: (_: string, next: string) => void (value = next), removeItem: () => void (value = null), read: () => value };
}

describe('drafts kept in the browser', () => {
  it('come back per ticket, and a forgotten one expires after a week', () => {
    const storage = memory();
    const now = Date.UTC(2025, 0, 6);
    saveDrafts({ 1: { draft: 'Halo Kak', pending: [], savedAt: now }, 2: { draft: 'lama', pending: [], savedAt: now - DRAFT_TTL_MS - 1 } }, storage);
    expect(loadDrafts(storage, now)).toEqual({ 1: { draft: 'Halo Kak', pending: [], savedAt: now } });
  });

  it('forget empty entries and survive a damaged store', () => {
    const storage = memory();
    saveDrafts({ 1: { draft: '', pending: [], savedAt: 1 } }, storage);
    expect(storage.read()).toBeNull();
    expect(loadDrafts(memory('{not json'), 0)).toEqual({});
    expect(loadDrafts(memory('{"1":{"draft":5}}'), 0)).toEqual({});
  });
});
