import type { ApiChannel } from '@keluh/core';
import type { ApiChannelViewDto } from '@keluh/contracts';
import { maskSecret } from './channel-settings.ts';

/** How an admin sees an API channel: the secret masked unless it was just created or rotated. */
export function toApiChannelView(channel: ApiChannel, publicUrl: string, reveal: 'masked' | 'full' = 'masked'): ApiChannelViewDto {
  return {
    id: channel.id,
    name: channel.name,
    webhookUrl: channel.webhookUrl,
    secret: reveal === 'full' ? channel.secret : maskSecret(channel.secret),
    inboundUrl: `${publicUrl}/webhooks/api/${channel.id}`,
    createdAt: channel.createdAt,
    updatedAt: channel.updatedAt,
  };
}
