import { describe, expect, it } from 'vitest';
import type { WindowStateDto } from '@keluh/contracts';
import { remainingParts, windowView } from './reply-window.ts';

const HOUR = 3_600_000;
const t0 = Date.parse('2025-01-06T09:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();
const openUntil = (channel: 'whatsapp' | 'instagram', closesAt: number): WindowStateDto => ({ channel, state: 'open', closesAt: iso(closesAt) });

describe('the reply window countdown', () => {
  it('reads hours and minutes within a day, days beyond, and never rounds up', () => {
    expect(remainingParts(5 * HOUR + 12 * 60_000 + 59_000)).toEqual({ unit: 'hours', hours: 5, minutes: 12 });
    expect(remainingParts(42 * 60_000)).toEqual({ unit: 'minutes', minutes: 42 });
    expect(remainingParts(30_000)).toEqual({ unit: 'moment' });
    expect(remainingParts(3 * 24 * HOUR + 23 * HOUR)).toEqual({ unit: 'days', days: 3 });
  });

  it('is calm while more than two hours are left and amber below that', () => {
    const window = openUntil('whatsapp', t0 + 24 * HOUR);
    expect(windowView(window, t0)).toEqual({ state: 'open', level: 'ok', remainingMs: 24 * HOUR });
    expect(windowView(window, t0 + 22 * HOUR + 1)).toMatchObject({ state: 'open', level: 'warn' });
  });

  it('closes a WhatsApp window on time while the agent is looking', () => {
    const window = openUntil('whatsapp', t0 + 24 * HOUR);
    expect(windowView(window, t0 + 24 * HOUR - 60_000)).toMatchObject({ state: 'open', remainingMs: 60_000 });
    expect(windowView(window, t0 + 24 * HOUR)).toEqual({ state: 'closed', level: 'closed', remainingMs: null });
  });

  it('moves an Instagram window to the 7-day human agent window, then closes it', () => {
    const window = openUntil('instagram', t0 + 24 * HOUR);
    expect(windowView(window, t0 + 4 * 24 * HOUR)).toEqual({ state: 'human_agent', level: 'warn', remainingMs: 3 * 24 * HOUR });
    expect(windowView(window, t0 + 7 * 24 * HOUR).state).toBe('closed');
  });

  it('has nothing to show for web chat', () => {
    expect(windowView({ channel: 'webchat', state: 'none' }, t0)).toEqual({ state: 'none', level: 'none', remainingMs: null });
  });

  it('keeps a closed window closed, whatever the time', () => {
    const window: WindowStateDto = { channel: 'whatsapp', state: 'closed', closedAt: null };
    expect(windowView(window, t0 - 48 * HOUR)).toEqual({ state: 'closed', level: 'closed', remainingMs: null });
  });
});
