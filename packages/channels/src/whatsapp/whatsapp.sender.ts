import type { InboundSender } from '@keluh/core';
import { text, type WaContact } from './whatsapp.wire.ts';

/** The two ids a WhatsApp user can carry (§2.1): the number (wa_id) and the business-scoped id. */
export interface WaUserIds {
  waId?: string | undefined;
  userId?: string | undefined;
}

/** `+<digits>`: Meta sends bare digits (§2.1); our customers store E.164 with the plus. */
export function whatsappPhone(waId: string): string {
  return `+${waId.replace(/\D/g, '')}`;
}

/**
 * Who wrote (§2.3.8). A username user may have no number, and the BSUID is the only stable key from
 * April 2026, so the key is the BSUID when present; the number becomes an attribute and an alias so
 * customers first seen (and keyed) by number before the rollout are still found, never split.
 * The matching `contacts[]` entry fills in whichever id the message item left out, and the name.
 */
export function whatsappSender(ids: WaUserIds, contacts: WaContact[]): InboundSender | null {
  const waIdGiven = text(ids.waId);
  const userIdGiven = text(ids.userId);
  const contact = contacts.find(
    (candidate) => (waIdGiven !== undefined && candidate.wa_id === waIdGiven) || (userIdGiven !== undefined && candidate.user_id === userIdGiven),
  );
  const waId = waIdGiven ?? text(contact?.wa_id);
  const userId = userIdGiven ?? text(contact?.user_id);
  const externalId = userId ?? waId;
  if (externalId === undefined) return null;
  return {
    externalId,
    displayName: text(contact?.profile?.name) ?? null,
    phone: waId !== undefined ? whatsappPhone(waId) : null,
    // The number (or BSUID) came from Meta, not from what the customer typed.
    verified: true,
    ...(userId !== undefined && waId !== undefined && { aliases: [waId] }),
  };
}
