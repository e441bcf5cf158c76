import type { AuditRecord } from './audit.rules.ts';

/**
 * What a channel settings save records: the names of the settings that changed — never a value, since
 * the plain ones sit beside secrets and a name is all an admin reviewing the log needs — and, when a
 * secret changed, a `secret.rotated` entry of its own so rotations can be filtered for.
 */
export function channelSettingsAudits(
  target: string,
  before: Record<string, string> | undefined,
  after: Record<string, string>,
  secretKeys: readonly string[],
  actorUserId: number | null,
): AuditRecord[] {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after)])].sort();
  const changed = keys.filter((key) => before?.[key] !== after[key]);
  const secrets = changed.filter((key) => secretKeys.includes(key));
  const settings = changed.filter((key) => !secretKeys.includes(key));
  const records: AuditRecord[] = [{ action: 'channel.configured', actorUserId, target, data: { created: before === undefined, changed: settings, credentialsChanged: secrets } }];
  if (secrets.length > 0 && before !== undefined) records.push({ action: 'secret.rotated', actorUserId, target, data: { keys: secrets } });
  return records;
}
