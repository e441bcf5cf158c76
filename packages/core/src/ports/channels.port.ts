import type { ApiChannel } from '../channels/api-channel.types.ts';
import type { ChannelKind, InboundStatusEvent } from '../channels/channel.types.ts';
import type { ChannelConfig, ChannelStatus } from '../channels/channel-config.types.ts';
import type { Instant } from '../shared/instant.ts';

/** Small key/value store for instance settings such as generated secrets. */
export interface SettingsRepository {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
  /** Stores the value unless the key exists, and returns what is stored: two starting processes agree on one. */
  setIfAbsent(key: string, value: string): Promise<string>;
}

export interface ChannelConfigRepository {
  list(): Promise<ChannelConfig[]>;
  get(kind: ChannelKind): Promise<ChannelConfig | null>;
  /** Saves new settings and marks the channel active again (new credentials end a reconnect-needed state). */
  upsert(kind: ChannelKind, settings: Record<string, string>, now: Instant): Promise<ChannelConfig>;
  setStatus(kind: ChannelKind, status: ChannelStatus, reason: string | null, now: Instant): Promise<void>;
}

/**
 * Statuses that arrived before we knew the message they describe (the status beat our send response,
 * channels.md §2.5): kept until the send is stored, then applied.
 */
export interface ParkedStatusRepository {
  park(event: InboundStatusEvent, now: Instant): Promise<void>;
  /** Removes and returns the parked statuses for one channel message id, oldest first. */
  take(channel: ChannelKind, externalId: string): Promise<InboundStatusEvent[]>;
  purgeOlderThan(before: Instant): Promise<number>;
}

export interface ApiChannelRepository {
  create(input: Pick<ApiChannel, 'name' | 'secret' | 'webhookUrl'>, now: Instant): Promise<ApiChannel>;
  findById(id: number): Promise<ApiChannel | null>;
  /** Oldest first. */
  list(): Promise<ApiChannel[]>;
  /** Null when the channel does not exist (deleted meanwhile). */
  update(id: number, patch: Partial<Pick<ApiChannel, 'name' | 'secret' | 'webhookUrl'>>, now: Instant): Promise<ApiChannel | null>;
  /** False when there was nothing to delete. */
  delete(id: number): Promise<boolean>;
}
