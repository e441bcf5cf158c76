import type { Repositories } from '../ports/repositories.ts';
import { commit, type CoreDeps } from '../shared/deps.ts';
import { recordAudit } from '../audit/audit.rules.ts';
import type { User } from '../users/user.types.ts';
import { defaultTicketSettings, ticketScopeFor, type TicketScope, type TicketSettings } from './ticket.policy.ts';

/** One key of the settings table: a boolean an admin flips, read on every scoped request. */
export const AGENTS_OWN_AND_UNASSIGNED_KEY = 'tickets.agents_own_and_unassigned';

export async function getTicketSettings(db: Pick<Repositories, 'settings'>): Promise<TicketSettings> {
  const stored = await db.settings.get(AGENTS_OWN_AND_UNASSIGNED_KEY);
  return stored === null ? defaultTicketSettings : { agentsOwnAndUnassigned: stored === 'true' };
}

/** Changing who sees what is a sensitive act: the change and its audit entry commit together. */
export async function saveTicketSettings(deps: CoreDeps, settings: TicketSettings, actorUserId: number | null = null): Promise<TicketSettings> {
  return commit(deps, async (tx) => {
    const before = await getTicketSettings(tx);
    await tx.settings.set(AGENTS_OWN_AND_UNASSIGNED_KEY, String(settings.agentsOwnAndUnassigned));
    if (before.agentsOwnAndUnassigned !== settings.agentsOwnAndUnassigned) {
      await recordAudit(tx, { action: 'settings.changed', actorUserId, target: 'settings:tickets', data: { agentsOwnAndUnassigned: { from: before.agentsOwnAndUnassigned, to: settings.agentsOwnAndUnassigned } } }, deps.clock.now());
    }
    return getTicketSettings(tx);
  });
}

/** The scope a signed-in user has right now: their teams as loaded with the session, the settings as stored. */
export async function scopeOf(db: Pick<Repositories, 'settings'>, user: Pick<User, 'id' | 'role' | 'teamIds'>): Promise<TicketScope> {
  return ticketScopeFor(user, await getTicketSettings(db));
}
