import type { Instant } from '../shared/instant.ts';

/**
 * Who of the staff is connected to the console right now, across every API process, and the status
 * everyone is shown (docs/supervisors.md §Presence). A user's *effective* status combines their manual
 * choice (stored on the user) with their sockets: no socket for longer than the grace period → offline;
 * idle longer than `presence.idle_away_minutes` → away. The effective status itself is stored on the user
 * (PresenceChoiceRepository.settle), written in the transaction of its `presence.updated` event.
 */
export const presenceStatuses = ['online', 'away', 'offline'] as const;
export type PresenceStatus = (typeof presenceStatuses)[number];

export interface StaffPresence {
  userId: number;
  status: PresenceStatus;
  /** Open /agent sockets of this user over all processes (tabs, devices). */
  connections: number;
  /** When the effective status last changed. */
  since: Instant;
  /** The ticket the agent has open in the console, if any (set through `PresenceTracker.viewing`). */
  currentTicketId: number | null;
}

/** What the sockets say about one user, over every process. */
export interface StaffConnection {
  userId: number;
  connections: number;
  /** The latest console activity reported on any of their sockets; null before the first. */
  lastActiveAt: Instant | null;
  currentTicketId: number | null;
}

export interface PresenceTracker {
  /**
   * One more socket of this user opened on this process. Never rejects: a store that cannot be reached
   * now catches up on its own (the shared implementation re-sends this process's whole state on every
   * heartbeat), so socket handlers need not wait or handle errors.
   */
  connected(userId: number): Promise<void>;
  /** One socket of this user on this process closed. */
  disconnected(userId: number): Promise<void>;
  /** The console reported activity (typing, clicking) on one of the user's sockets. Never rejects. */
  active(userId: number, at: Instant): Promise<void>;
  /** The ticket the user now has open in the console (null: none). Never rejects. */
  viewing(userId: number, ticketId: number | null): Promise<void>;
  /**
   * Everyone with a live connection, by user id. Entries of a process that died without saying goodbye
   * (SIGKILL, a lost machine) disappear within the heartbeat TTL. Rejects with `presence.unavailable`
   * when the shared store cannot be read.
   */
  list(): Promise<StaffConnection[]>;
  /** This process leaves: its entries go at once instead of at the TTL. */
  stop(): Promise<void>;
}
