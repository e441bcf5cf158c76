import type { ChannelKind } from './channel.types.ts';
import type { Instant } from '../shared/instant.ts';

/** `reconnect_needed`: the channel refused our credentials (token expired); its queue waits for an admin. */
export type ChannelStatus = 'active' | 'reconnect_needed';

/** One connected channel account and its credentials (secrets never leave the server unmasked). */
export interface ChannelConfig {
  kind: ChannelKind;
  settings: Record<string, string>;
  status: ChannelStatus;
  statusReason: string | null;
  updatedAt: Instant;
}
