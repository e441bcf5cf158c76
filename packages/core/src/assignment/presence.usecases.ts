import type { PresenceStatus, PresenceTracker, StaffPresence } from '../ports/presence.port.ts';
import { commit, type CoreDeps } from '../shared/deps.ts';
import { AppError } from '../shared/errors.ts';
import { scheduleAssignmentDrain } from './assignment.usecases.ts';
import { effectivePresence, IDLE_AWAY_SETTING, idleAwayMinutes } from './presence.rules.ts';

export interface PresenceDeps extends CoreDeps {
  presence: PresenceTracker;
}

export interface RefreshOptions {
  /** This process is still inside the grace period of the user's last closed socket: count it as open. */
  graceHeld?: boolean;
}

/**
 * Works out the user's effective status now and announces it when it changed. The stored status is a
 * compare-and-set on the user's row in the event's own transaction, so of two processes observing one
 * change only one logs `presence.updated`, and the log's order is the order the status changed in (a
 * board replaying it ends where the row is). A status worked out from a stale view loses to nothing
 * worse than the next sweep's correction. Coming online schedules a drain of each automatic team the
 * agent belongs to, in the same commit as the event.
 */
export async function refreshPresence(deps: PresenceDeps, userId: number, options: RefreshOptions = {}): Promise<StaffPresence | null> {
  const now = deps.clock.now();
  const [connections, choice, idleSetting] = await Promise.all([deps.presence.list(), deps.db.presenceChoices.get(userId), deps.db.settings.get(IDLE_AWAY_SETTING)]);
  if (choice === null) return null;
  const mine = connections.find((entry) => entry.userId === userId);
  const open = mine?.connections ?? 0;
  const status = effectivePresence({
    choice,
    connections: options.graceHeld ? Math.max(open, 1) : open,
    lastActiveAt: mine?.lastActiveAt ?? null,
    now,
    idleAwayMinutes: idleAwayMinutes(idleSetting),
  });
  const presence: StaffPresence = { userId, status, connections: open, since: now, currentTicketId: mine?.currentTicketId ?? null };
  return commit(deps, async (tx, emit) => {
    if (!(await tx.presenceChoices.settle(userId, status, now))) return null;
    emit({ type: 'presence.updated', ticketId: null, customerId: null, payload: { presence } });
    if (status === 'online') {
      for (const teamId of await tx.assignment.listAutomaticTeamsOf(userId)) await scheduleAssignmentDrain(tx, teamId, `user:${userId}:${now}`, now);
    }
    return presence;
  });
}

/**
 * The ticket a user has open in the console changed (a watch opened or ended): the board shows it as the
 * agent's current ticket, so it is announced like a status change. Typing refreshes of the same watch
 * change nothing and announce nothing. The status announced is the settled one, unchanged; a user who
 * never settled one (never connected) has no row on the board to update.
 */
export async function noteViewing(deps: PresenceDeps, userId: number, ticketId: number | null): Promise<StaffPresence | null> {
  const before = (await deps.presence.list()).find((entry) => entry.userId === userId);
  if ((before?.currentTicketId ?? null) === ticketId) return null;
  await deps.presence.viewing(userId, ticketId);
  const settled = (await deps.db.presenceChoices.listSettled()).find((entry) => entry.userId === userId);
  if (!settled) return null;
  const presence: StaffPresence = { userId, status: settled.status, since: settled.since, connections: before?.connections ?? 0, currentTicketId: ticketId };
  return commit(deps, async (_tx, emit) => {
    emit({ type: 'presence.updated', ticketId: null, customerId: null, payload: { presence } });
    return presence;
  });
}

/** The effective status of everyone ever seen (absent: never connected, so offline), by user id. */
export async function listPresence(deps: PresenceDeps): Promise<StaffPresence[]> {
  const [connections, settled] = await Promise.all([deps.presence.list(), deps.db.presenceChoices.listSettled()]);
  const byUser = new Map(connections.map((entry) => [entry.userId, entry]));
  return settled.map(({ userId, status, since }) => ({
      userId,
      status,
      since,
      connections: byUser.get(userId)?.connections ?? 0,
      currentTicketId: byUser.get(userId)?.currentTicketId ?? null,
    }));
}

/** The user's manual toggle; returns their effective presence after it (the choice is one half of it). */
export async function choosePresence(deps: PresenceDeps, userId: number, choice: PresenceStatus, options: RefreshOptions = {}): Promise<StaffPresence> {
  if (!(await deps.db.presenceChoices.set(userId, choice))) throw new AppError('user.not_found', `User ${userId} does not exist`);
  await refreshPresence(deps, userId, options);
  const mine = (await listPresence(deps)).find((entry) => entry.userId === userId);
  return mine ?? { userId, status: 'offline', connections: 0, since: deps.clock.now(), currentTicketId: null };
}
