import type { InstagramGraphClient } from './instagram.client.ts';

export interface InstagramProfile {
  name: string | null;
  username: string | null;
}

const NO_PROFILE: InstagramProfile = { name: null, username: null };

/**
 * Who an IGSID is, for naming a new customer (§3.7, case 33). It never throws: a blocked user cannot
 * be read, `name` may be null, and an outage must not stop a message from being ingested — the
 * customer is then named by `instagramDisplayName`'s fallback.
 */
export async function fetchInstagramProfile(client: InstagramGraphClient, igsid: string): Promise<InstagramProfile> {
  const outcome = await client.getProfile(igsid);
  if (!outcome.ok) return NO_PROFILE;
  return { name: text(outcome.data.name), username: text(outcome.data.username) };
}

/** Name shown for an Instagram customer: profile name, else @username, else a stable stand-in. */
export function instagramDisplayName(profile: InstagramProfile, igsid: string): string {
  return profile.name ?? (profile.username ? `@${profile.username}` : `Instagram user ${igsid.slice(-4)}`);
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim().length > 0 ? value.trim() : null;
}
