import { recordAudit } from '../audit/audit.rules.ts';
import { channelKinds, type ChannelKind } from '../channels/channel.types.ts';
import type { Repositories } from '../ports/repositories.ts';
import { commit, type CoreDeps } from '../shared/deps.ts';
import { AppError } from '../shared/errors.ts';

/**
 * Which team a channel's new tickets open in (docs/supervisors.md §Who gets the ticket): an Instagram shop
 * answered by the sales team, WhatsApp by customer care. A channel left out opens in the default team (the
 * lowest id), as before any routing was set. Stored as one settings row, read once per new ticket.
 */
export type ChannelRouting = Partial<Record<ChannelKind, number>>;

export const CHANNEL_ROUTING_KEY = 'routing.channel_teams';

function parseRouting(stored: string | null): ChannelRouting {
  if (stored === null) return {};
  const parsed = JSON.parse(stored) as Record<string, unknown>;
  const routing: ChannelRouting = {};
  for (const kind of channelKinds) {
    const teamId = parsed[kind];
    if (typeof teamId === 'number') routing[kind] = teamId;
  }
  return routing;
}

export async function getChannelRouting(db: Pick<Repositories, 'settings'>): Promise<ChannelRouting> {
  return parseRouting(await db.settings.get(CHANNEL_ROUTING_KEY));
}

/** The team a new ticket of this channel opens in; null: the default team. */
export async function teamForChannel(tx: Pick<Repositories, 'settings'>, channel: ChannelKind): Promise<number | null> {
  return (await getChannelRouting(tx))[channel] ?? null;
}

/**
 * Replaces the routing. Every team named must exist (`team.not_found`, nothing saved); the change and its
 * audit entry commit together. Tickets already open stay where they are: routing decides where new ones open.
 */
export async function saveChannelRouting(deps: CoreDeps, routing: ChannelRouting, actorUserId: number | null = null): Promise<ChannelRouting> {
  return commit(deps, async (tx) => {
    for (const [channel, teamId] of Object.entries(routing)) {
      if (!(await tx.teams.findById(teamId))) throw new AppError('team.not_found', `Team ${teamId} does not exist`, { teamId, channel });
    }
    const before = await getChannelRouting(tx);
    const after: ChannelRouting = Object.fromEntries(channelKinds.flatMap((kind) => (routing[kind] !== undefined ? [[kind, routing[kind]]] : [])));
    await tx.settings.set(CHANNEL_ROUTING_KEY, JSON.stringify(after));
    if (JSON.stringify(before) !== JSON.stringify(after)) {
      await recordAudit(tx, { action: 'settings.changed', actorUserId, target: 'settings:routing', data: { channelTeams: { from: before, to: after } } }, deps.clock.now());
    }
    return after;
  });
}
