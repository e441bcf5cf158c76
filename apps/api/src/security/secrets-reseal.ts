import type { Database } from '@keluh/core';
import { isSecretSetting, SEALED_SETTING_KEYS, sealRepositories, type SecretCodec } from './sealed-repositories.ts';

export interface ResealReport {
  /** Secret values found (each one opened, so a wrong key fails here, before anything is written). */
  checked: number;
  /** Secret values written again through `to`. */
  rewritten: number;
}

/**
 * Reads every stored secret through `from` and writes those `needsRewrite` picks through `to`, in one
 * transaction: sealing an older install's plain text at start (same key, `from` accepting plain text) and
 * rotating the key (old key to new) are the same walk. A value that does not open aborts it all, so a
 * database is never left half under one key and half under another.
 */
export async function resealSecrets(raw: Database, from: SecretCodec, to: SecretCodec, needsRewrite: (stored: string) => boolean): Promise<ResealReport> {
  return raw.transaction(async (tx) => {
    const reader = sealRepositories(tx, from);
    const writer = sealRepositories(tx, to);
    const report: ResealReport = { checked: 0, rewritten: 0 };

    for (const stored of await tx.channelConfigs.list()) {
      const secrets = Object.entries(stored.settings).filter(([key]) => isSecretSetting(key));
      report.checked += secrets.length;
      const plain = (await reader.channelConfigs.get(stored.kind))!;
      if (!secrets.some(([, value]) => needsRewrite(value))) continue;
      await writer.channelConfigs.upsert(stored.kind, plain.settings, stored.updatedAt);
      // upsert marks a channel active (new credentials); re-sealing the same ones must not end a reconnect-needed state.
      await tx.channelConfigs.setStatus(stored.kind, stored.status, stored.statusReason, stored.updatedAt);
      report.rewritten += secrets.length;
    }

    for (const stored of await tx.apiChannels.list()) {
      report.checked += 1;
      const plain = (await reader.apiChannels.findById(stored.id))!;
      if (!needsRewrite(stored.secret)) continue;
      await writer.apiChannels.update(stored.id, { secret: plain.secret }, stored.updatedAt);
      report.rewritten += 1;
    }

    for (const key of SEALED_SETTING_KEYS) {
      const stored = await tx.settings.get(key);
      if (stored === null) continue;
      report.checked += 1;
      const plain = (await reader.settings.get(key))!;
      if (!needsRewrite(stored)) continue;
      await writer.settings.set(key, plain);
      report.rewritten += 1;
    }
    return report;
  });
}
