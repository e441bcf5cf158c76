import { defaultReplyIdentity, windowState, type ChannelKind } from '@keluh/core';
import type { IdentityDto, TicketViewDto, WindowStateDto } from '@keluh/contracts';

/** One entry of the composer's channel picker: an identity of the customer, with its channel's window. */
export interface ReplyChoice {
  identity: IdentityDto;
  channel: ChannelKind;
  window: WindowStateDto;
  /** The identity the customer last wrote from: where a reply goes unless the agent picks another. */
  isDefault: boolean;
}

/**
 * The customer's identities a reply can go through. The default one carries the server's window (it
 * knows of refusals); the others are measured by core's window rules from when the customer last wrote
 * from them, the same rules the server applies when the reply arrives.
 */
export function replyChoices(ticket: Pick<TicketViewDto, 'lastChannel'>, identities: readonly IdentityDto[], serverWindow: WindowStateDto, now: number): ReplyChoice[] {
  const fallback = defaultReplyIdentity(ticket, identities);
  const at = new Date(now).toISOString();
  return identities
    .filter((identity) => identity.unreachableAt === null || identity.id === fallback?.id)
    .map((identity) => {
      const isDefault = identity.id === fallback?.id;
      const window: WindowStateDto = isDefault ? serverWindow : { channel: identity.channel, ...windowState(identity.channel, identity.lastInboundAt, at) };
      return { identity, channel: identity.channel, window, isDefault };
    });
}

/** The picked choice, or the default when nothing (or an identity no longer offered) is picked. */
export function chosenReply(choices: readonly ReplyChoice[], pickedIdentityId: number | null): ReplyChoice | null {
  return choices.find((choice) => choice.identity.id === pickedIdentityId) ?? choices.find((choice) => choice.isDefault) ?? null;
}

/** How an identity is named in the picker: the number, handle or name the agent recognises on that channel. */
export function identityLabel(identity: IdentityDto): string {
  // A WhatsApp id is the number (or a business-scoped id, which is not).
  if (identity.channel === 'whatsapp') return identity.phone ?? (/^\d{8,15}$/.test(identity.externalId) ? `+${identity.externalId}` : (identity.displayName ?? identity.externalId));
  if (identity.channel === 'instagram') return identity.username ? `@${identity.username}` : (identity.displayName ?? identity.externalId);
  return identity.displayName ?? identity.email ?? identity.phone ?? identity.externalId;
}
