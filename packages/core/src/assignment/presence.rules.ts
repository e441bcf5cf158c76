import type { PresenceStatus } from '../ports/presence.port.ts';
import type { Instant } from '../shared/instant.ts';

/** The setting an admin changes: minutes without console activity before a connected agent shows as away. */
export const IDLE_AWAY_SETTING = 'presence.idle_away_minutes';
export const DEFAULT_IDLE_AWAY_MINUTES = 10;

export function idleAwayMinutes(stored: string | null): number {
  const minutes = stored === null ? NaN : Number(stored);
  return Number.isFinite(minutes) && minutes > 0 ? minutes : DEFAULT_IDLE_AWAY_MINUTES;
}

export interface PresenceFacts {
  /** What the user chose by hand. */
  choice: PresenceStatus;
  /** Their sockets over every process; a socket closed less than the grace period ago still counts. */
  connections: number;
  lastActiveAt: Instant | null;
  now: Instant;
  idleAwayMinutes: number;
}

/**
 * The status everyone sees. The grace period is not decided here but by *when* a closed socket stops
 * counting (docs/supervisors.md §Presence): a phone that backgrounds the console and comes back within it
 * never reaches this rule with zero connections.
 */
export function effectivePresence(facts: PresenceFacts): PresenceStatus {
  if (facts.connections <= 0 || facts.choice === 'offline') return 'offline';
  if (facts.choice === 'away') return 'away';
  const idleMs = facts.idleAwayMinutes * 60_000;
  if (facts.lastActiveAt !== null && Date.parse(facts.now) - Date.parse(facts.lastActiveAt) >= idleMs) return 'away';
  return 'online';
}
