import { describe, expect, it } from 'vitest';
import { effectivePresence, idleAwayMinutes, type PresenceFacts } from './presence.rules.ts';

const NOW = '2026-03-02T08:30:00.000Z';
const facts = (overrides: Partial<PresenceFacts>): PresenceFacts => ({ choice: 'online', connections: 1, lastActiveAt: NOW, now: NOW, idleAwayMinutes: 10, ...overrides });

describe('an agent’s effective presence', () => {
  it.each([
    { title: 'connected and active is online', facts: facts({}), expected: 'online' },
    { title: 'no socket left is offline whatever was chosen', facts: facts({ connections: 0 }), expected: 'offline' },
    { title: 'choosing offline while connected is offline', facts: facts({ choice: 'offline' }), expected: 'offline' },
    { title: 'choosing away while connected is away', facts: facts({ choice: 'away' }), expected: 'away' },
    { title: 'idle for the configured minutes is away', facts: facts({ lastActiveAt: '2026-03-02T08:20:00.000Z' }), expected: 'away' },
    { title: 'idle for less than that is still online', facts: facts({ lastActiveAt: '2026-03-02T08:20:01.000Z' }), expected: 'online' },
    { title: 'a shorter idle setting turns away sooner', facts: facts({ lastActiveAt: '2026-03-02T08:28:00.000Z', idleAwayMinutes: 2 }), expected: 'away' },
  ] as const)('$title', ({ facts: given, expected }) => {
    expect(effectivePresence(given)).toBe(expected);
  });

  it('reads the idle setting in minutes, falling back to ten for nothing or nonsense', () => {
    expect([idleAwayMinutes('3'), idleAwayMinutes(null), idleAwayMinutes('zero'), idleAwayMinutes('-1')]).toEqual([3, 10, 10, 10]);
  });
});
