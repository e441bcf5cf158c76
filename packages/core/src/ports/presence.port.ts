/**
 * Who of the staff is connected to the console right now, across every API process. A user is online
 * while at least one of their /agent sockets is open anywhere; offline is simply being absent.
 *
 * `away` is set by the agent or by idleness while still connected; `offline` is shown for a user with no
 * socket once the grace period is over (docs/supervisors.md §Presence).
 */
export const presenceStatuses = ['online', 'away', 'offline'] as const;
export type PresenceStatus = (typeof presenceStatuses)[number];

export interface StaffPresence {
  userId: number;
  status: PresenceStatus;
  /** Open /agent sockets of this user over all processes (tabs, devices). */
  connections: number;
  /** When the status last changed (the presence slice fills it; optional until it does). */
  since?: string;
  /** The ticket the user is viewing now, when the console reports it (docs/supervisors.md §Presence). */
  currentTicketId?: number | null;
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
  /**
   * Everyone with a live connection, by user id. Entries of a process that died without saying goodbye
   * (SIGKILL, a lost machine) disappear within the heartbeat TTL. Rejects with `presence.unavailable`
   * when the shared store cannot be read.
   */
  list(): Promise<StaffPresence[]>;
  /** This process leaves: its entries go at once instead of at the TTL. */
  stop(): Promise<void>;
}
