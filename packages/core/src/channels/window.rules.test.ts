import { describe, expect, it } from 'vitest';
import { isWindowRefusal, lastInboundOf, refusalClosesWindow, replyMode, windowAfterInbound, windowAfterRefusal, windowAt, type ChannelWindow } from './window.rules.ts';

const HOUR = 3_600_000;
const t0 = Date.parse('2025-01-06T09:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();
const openUntil = (channel: 'whatsapp' | 'instagram', closesAt: number): ChannelWindow => ({ channel, state: 'open', closesAt: iso(closesAt) });

describe('a reported reply window as time passes', () => {
  it('tells when the customer last wrote from when the window closes', () => {
    expect(lastInboundOf(openUntil('whatsapp', t0 + 24 * HOUR))).toBe(iso(t0));
    expect(lastInboundOf({ channel: 'instagram', state: 'human_agent', closesAt: iso(t0 + 7 * 24 * HOUR) })).toBe(iso(t0));
    expect(lastInboundOf({ channel: 'whatsapp', state: 'closed', closedAt: iso(t0) })).toBeNull();
  });

  it('closes a WhatsApp window on time', () => {
    const window = openUntil('whatsapp', t0 + 24 * HOUR);
    expect(windowAt(window, iso(t0 + 23 * HOUR))).toEqual(window);
    expect(windowAt(window, iso(t0 + 24 * HOUR))).toEqual({ channel: 'whatsapp', state: 'closed', closedAt: iso(t0 + 24 * HOUR) });
  });

  it('moves an Instagram window to the 7-day human agent window, then closes it', () => {
    const window = openUntil('instagram', t0 + 24 * HOUR);
    expect(windowAt(window, iso(t0 + 30 * HOUR))).toEqual({ channel: 'instagram', state: 'human_agent', closesAt: iso(t0 + 7 * 24 * HOUR) });
    expect(windowAt(window, iso(t0 + 7 * 24 * HOUR)).state).toBe('closed');
  });

  it('keeps a closed window closed, whatever the time, and web chat without one', () => {
    const closed: ChannelWindow = { channel: 'whatsapp', state: 'closed', closedAt: null };
    expect(windowAt(closed, iso(t0))).toBe(closed);
    expect(windowAt({ channel: 'webchat', state: 'none' }, iso(t0))).toEqual({ channel: 'webchat', state: 'none' });
  });
});

describe('what changes the window', () => {
  it('a customer message re-opens a closed window for 24 hours from when they wrote', () => {
    const closed: ChannelWindow = { channel: 'whatsapp', state: 'closed', closedAt: iso(t0) };
    expect(windowAfterInbound(closed, 'whatsapp', iso(t0 + HOUR))).toEqual(openUntil('whatsapp', t0 + 25 * HOUR));
  });

  it('an older customer message arriving late does not shorten the window', () => {
    const open = openUntil('whatsapp', t0 + 24 * HOUR);
    expect(windowAfterInbound(open, 'whatsapp', iso(t0 - HOUR))).toBe(open);
  });

  it('a message on a channel without a window leaves nothing to count', () => {
    expect(windowAfterInbound(openUntil('whatsapp', t0), 'webchat', iso(t0))).toEqual({ channel: 'webchat', state: 'none' });
  });

  it('a refusal of a reply sent after the customer wrote closes it; one sent before does not', () => {
    const open = openUntil('whatsapp', t0 + 24 * HOUR);
    expect(windowAfterRefusal(open, { channel: 'whatsapp', sentAt: iso(t0 + HOUR) }, iso(t0 + 2 * HOUR))).toEqual({
      channel: 'whatsapp',
      state: 'closed',
      closedAt: iso(t0 + 2 * HOUR),
    });
    expect(windowAfterRefusal(open, { channel: 'whatsapp', sentAt: iso(t0 - HOUR) }, iso(t0 + 2 * HOUR))).toBe(open);
    expect(windowAfterRefusal(open, { channel: 'instagram', sentAt: iso(t0 + HOUR) }, iso(t0 + 2 * HOUR))).toBe(open);
  });

  it('trusts a refusal only for a reply after the last customer message, or when that is unknown', () => {
    expect(refusalClosesWindow(iso(t0), iso(t0 + 1))).toBe(true);
    expect(refusalClosesWindow(iso(t0), iso(t0))).toBe(false);
    expect(refusalClosesWindow(null, iso(t0))).toBe(true);
  });

  it('counts only our own window code as a window refusal: adapters translate the channels’ codes to it', () => {
    expect(isWindowRefusal('channel.window_closed')).toBe(true);
    expect(isWindowRefusal('whatsapp.131026')).toBe(false);
    expect(isWindowRefusal(null)).toBe(false);
  });
});

describe('what a reply may be', () => {
  it('free text while open, a template once a WhatsApp window closed, nothing once an Instagram one did', () => {
    expect(replyMode(openUntil('whatsapp', t0))).toBe('text');
    expect(replyMode({ channel: 'instagram', state: 'human_agent', closesAt: iso(t0) })).toBe('text');
    expect(replyMode({ channel: 'webchat', state: 'none' })).toBe('text');
    expect(replyMode({ channel: 'whatsapp', state: 'closed', closedAt: null })).toBe('template');
    expect(replyMode({ channel: 'instagram', state: 'closed', closedAt: null })).toBe('blocked');
  });
});
