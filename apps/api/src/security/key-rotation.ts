import { existsSync, renameSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '@keluh/db';
import type { Config } from '../config/config.ts';
import { createSecretBox } from './secret-box.ts';
import { generateSecretKey, loadSecretKey, NEXT_KEY_FILE, parseSecretKey, SecretKeyError, writeKeyFile } from './secret-key.ts';
import { acceptingPlaintext } from './sealed-repositories.ts';
import { resealSecrets } from './secrets-reseal.ts';

export interface RotationResult {
  oldKeyId: string;
  newKeyId: string;
  rewritten: number;
  /** Where the new key now is (a key file), or null when the operator must put it into SECRET_KEY. */
  keyFile: string | null;
  /** The generated new key, for an operator whose key lives in SECRET_KEY; null when they gave it. */
  generatedKey: string | null;
}

/**
 * Re-seals every stored secret under a new key in one transaction. Run with the server stopped: a running
 * one still holds the old key and would seal its next write with it. With a key file, the new key is
 * written and flushed beside it (`secret.key.next`) before the transaction and moved into place after
 * the commit — a crash in between leaves both keys on disk, and the next start finishes the move.
 */
export async function rotateSecretKey(config: Config, newKeyText: string | undefined): Promise<RotationResult> {
  const old = loadSecretKey({ secretKey: config.SECRET_KEY, dataDir: config.DATA_DIR, create: false });
  const newKey = newKeyText === undefined ? generateSecretKey() : parseSecretKey(newKeyText);
  if (!newKey) throw new SecretKeyError('NEW_SECRET_KEY must be 32 bytes: 64 hex characters or base64 (openssl rand -hex 32)');
  if (newKey.equals(old.key)) throw new SecretKeyError('NEW_SECRET_KEY is the key already in use');
  const from = createSecretBox(old.key);
  const to = createSecretBox(newKey);
  const next = old.source === 'file' ? join(config.DATA_DIR, NEXT_KEY_FILE) : null;
  if (next) writeKeyFile(next, newKey);
  const raw = await openDatabase(config.DATABASE_URL);
  let rewritten: number;
  try {
    ({ rewritten } = await resealSecrets(raw, acceptingPlaintext(from), to, () => true));
  } catch (error) {
    if (next && existsSync(next)) unlinkSync(next);
    throw error;
  } finally {
    await raw.close();
  }
  if (next) renameSync(next, old.path);
  return {
    oldKeyId: from.keyId,
    newKeyId: to.keyId,
    rewritten,
    keyFile: next ? old.path : null,
    generatedKey: old.source === 'env' && newKeyText === undefined ? newKey.toString('hex') : null,
  };
}
