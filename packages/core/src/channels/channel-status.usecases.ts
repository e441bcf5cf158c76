import { commit, type CoreDeps } from '../shared/deps.ts';
import type { ChannelConfig } from './channel-config.types.ts';

/** Tells every console a channel's state after an admin saved it, so a cleared red flag clears live. */
export async function announceChannelStatus(deps: CoreDeps, config: ChannelConfig): Promise<void> {
  await commit(deps, async (_tx, emit) => {
    emit({ type: 'channel.updated', ticketId: null, customerId: null, payload: { kind: config.kind, status: config.status, reason: config.statusReason } });
  });
}
