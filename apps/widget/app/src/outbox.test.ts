import { describe, expect, it } from 'vitest';
import { createOutbox, newClientMessageId } from './outbox.ts';

describe('the outbox', () => {
  it('hands out waiting sends in the order they were typed', () => {
    const outbox = createOutbox();
    outbox.add({ clientMessageId: 'a', body: '1' });
    outbox.add({ clientMessageId: 'b', body: '2' });
    outbox.add({ clientMessageId: 'a', body: 'again' });
    expect(outbox.waiting()).toEqual([
      { clientMessageId: 'a', body: '1' },
      { clientMessageId: 'b', body: '2' },
    ]);
  });

  it('treats a reply to an older attempt as stale once the send was re-queued', () => {
    const outbox = createOutbox();
    outbox.add({ clientMessageId: 'a', body: '1' });
    const first = outbox.dispatch('a');
    expect(outbox.waiting()).toEqual([]);
    outbox.releaseAll();
    expect(outbox.isCurrent('a', first)).toBe(false);
    const second = outbox.dispatch('a');
    expect(outbox.isCurrent('a', second)).toBe(true);
    expect(outbox.isCurrent('a', first)).toBe(false);
    outbox.remove('a');
    expect(outbox.size).toBe(0);
  });

  it('generates client ids the server accepts', () => {
    const ids = new Set(Array.from({ length: 50 }, () => newClientMessageId()));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
  });
});
