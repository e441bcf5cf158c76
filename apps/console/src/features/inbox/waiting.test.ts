import { describe, expect, it } from 'vitest';
import { durationParts, waitInfo } from './waiting.ts';

const base = Date.parse('2025-01-06T09:00:00.000Z');
const iso = (offsetMin: number) => new Date(base + offsetMin * 60_000).toISOString();

describe('how long a customer has waited', () => {
  it('counts from the customer’s last message and colours by the placeholder SLA', () => {
    const ticket = { status: 'open' as const, lastInboundAt: iso(0), lastMessageAt: iso(0) };
    expect(waitInfo(ticket, base + 4 * 60_000)).toMatchObject({ kind: 'waiting', level: 'ok' });
    expect(waitInfo(ticket, base + 10 * 60_000)).toMatchObject({ kind: 'waiting', level: 'warn' });
    expect(waitInfo(ticket, base + 16 * 60_000)).toMatchObject({ kind: 'waiting', level: 'breach' });
  });

  it('stops the clock once the agent has replied', () => {
    const ticket = { status: 'open' as const, lastInboundAt: iso(0), lastMessageAt: iso(2) };
    expect(waitInfo(ticket, base + 30 * 60_000)).toEqual({ kind: 'idle', ms: 28 * 60_000 });
  });

  it('does not count waiting on a resolved ticket', () => {
    const ticket = { status: 'resolved' as const, lastInboundAt: iso(0), lastMessageAt: iso(0) };
    expect(waitInfo(ticket, base + 60 * 60_000).kind).toBe('idle');
  });

  it('rounds durations down into compact units', () => {
    expect(durationParts(59_000)).toEqual({ unit: 'now' });
    expect(durationParts(61 * 60_000)).toEqual({ unit: 'hours', n: 1 });
    expect(durationParts(14 * 60_000)).toEqual({ unit: 'minutes', n: 14 });
    expect(durationParts(50 * 3600_000)).toEqual({ unit: 'days', n: 2 });
  });
});
