import { existsSync, renameSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { AppError, isAppError, type Database } from '@keluh/core';
import { openDatabase } from '@keluh/db';
import type { Config } from '../config/config.ts';
import { createSecretBox, isSealed, keyIdOf } from '../security/secret-box.ts';
import { ensurePrivateDir, loadSecretKey, NEXT_KEY_FILE, readKeyFile, type LoadedSecretKey } from '../security/secret-key.ts';
import { acceptingPlaintext, sealDatabase } from '../security/sealed-repositories.ts';
import { resealSecrets } from '../security/secrets-reseal.ts';

export interface SecureDatabase {
  /** Reads and writes plain secrets; stores only sealed ones. */
  db: Database;
  key: LoadedSecretKey;
  keyId: string;
  /** Plain-text secrets of an older install sealed during this start. */
  sealedAtStart: number;
  /** Worth a line in the banner (an interrupted key rotation finished). */
  notes: string[];
}

/**
 * Opens the database the server works on: resolves the key (generating it on a first start), checks
 * every stored secret opens with it — a wrong key stops the start here with a message, instead of
 * channels later verifying webhooks against garbage — and seals what an older install left in plain text.
 */
export async function openSecureDatabase(config: Config, options: { createKey?: boolean } = {}): Promise<SecureDatabase> {
  const createKey = options.createKey ?? true;
  if (createKey) ensurePrivateDir(config.DATA_DIR);
  const key = loadSecretKey({ secretKey: config.SECRET_KEY, dataDir: config.DATA_DIR, create: createKey });
  const notes: string[] = [];
  try {
    return { ...(await openWithKey(config.DATABASE_URL, key)), notes };
  } catch (error) {
    const sealedWith = isAppError(error) && error.code === 'secrets.key_mismatch' ? String(error.details?.sealedWith) : null;
    if (sealedWith === null) throw error;
    const next = join(config.DATA_DIR, NEXT_KEY_FILE);
    // A rotation that committed but crashed before moving its new key into place: finish it.
    if (key.source === 'file' && existsSync(next) && keyIdOf(readKeyFile(next)) === sealedWith) {
      renameSync(next, key.path);
      notes.push(`finished an interrupted key rotation: ${key.path} is now key ${sealedWith}`);
      return { ...(await openWithKey(config.DATABASE_URL, loadSecretKey({ dataDir: config.DATA_DIR, create: false }))), notes };
    }
    throw keyMismatch(key, sealedWith);
  }
}

async function openWithKey(url: string, key: LoadedSecretKey): Promise<Omit<SecureDatabase, 'notes'>> {
  const box = createSecretBox(key.key);
  let raw = await openDatabase(url);
  try {
    const report = await resealSecrets(raw, acceptingPlaintext(box), box, (stored) => !isSealed(stored));
    if (report.rewritten > 0) {
      // Closing checkpoints the write-ahead log into the file (where secure_delete zeroed the plain
      // text) and removes it, instead of leaving the old values in the WAL until some later checkpoint.
      await raw.close();
      raw = await openDatabase(url);
    }
    return { db: sealDatabase(raw, box), key, keyId: box.keyId, sealedAtStart: report.rewritten };
  } catch (error) {
    await raw.close();
    throw error;
  }
}

function keyMismatch(key: LoadedSecretKey, sealedWith: string): AppError {
  const keyId = keyIdOf(key.key);
  if (key.generated) {
    // Nothing was sealed with the key just made; leaving it would only hide the missing one.
    unlinkSync(key.path);
    return new AppError(
      'secrets.key_mismatch',
      `The database holds secrets sealed with key ${sealedWith}, but SECRET_KEY is unset and there was no key file at ${key.path}. Restore that file (or set SECRET_KEY to the key) and start again.`,
      { sealedWith, keyId },
    );
  }
  const given = key.source === 'env' ? 'SECRET_KEY' : `the key file ${key.path}`;
  return new AppError(
    'secrets.key_mismatch',
    `The stored secrets were sealed with key ${sealedWith}, but ${given} is key ${keyId}. Start with the key they were sealed with; to change keys, run npm run secrets:rotate.`,
    { sealedWith, keyId },
  );
}
