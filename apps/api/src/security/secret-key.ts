import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** Where a generated key lives when SECRET_KEY is unset; `.next` holds the new one while a rotation runs. */
export const KEY_FILE = 'secret.key';
export const NEXT_KEY_FILE = 'secret.key.next';

/** The key is missing or malformed: the operator's to fix, so the start says it plainly. */
export class SecretKeyError extends Error {
  override name = 'SecretKeyError';
}

export interface LoadedSecretKey {
  key: Buffer;
  /** `env`: SECRET_KEY; `file`: the key file in the data folder. */
  source: 'env' | 'file';
  /** The key file (also for `env`, so messages can name where a generated key would be). */
  path: string;
  /** Created by this call: nothing can have been sealed with it yet. */
  generated: boolean;
}

/** 64 hex characters, or the base64 / base64url form of 32 bytes (`openssl rand -hex 32` / `-base64 32`). */
export function parseSecretKey(text: string): Buffer | null {
  const value = text.trim();
  if (/^[0-9a-f]{64}$/i.test(value)) return Buffer.from(value, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(value)) {
    const bytes = Buffer.from(value.replace(/\+/g, '-').replace(/\//g, '_').replace(/=$/, ''), 'base64url');
    if (bytes.length === 32) return bytes;
  }
  return null;
}

export function generateSecretKey(): Buffer {
  return randomBytes(32);
}

/** The data folder holds the database, the key and media: nobody but the server's user may list it. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  // mkdir leaves an existing folder (an older install's 0755 ./data) as it was.
  if ((statSync(dir).mode & 0o077) !== 0) chmodSync(dir, 0o700);
}

/**
 * SECRET_KEY wins; otherwise the key file in the data folder, generated (0600) on the first start.
 * `create: false` is for tools that must never invent a key (the sim, a rotation reading the old key).
 */
export function loadSecretKey(options: { secretKey?: string | undefined; dataDir: string; create: boolean }): LoadedSecretKey {
  const path = join(options.dataDir, KEY_FILE);
  if (options.secretKey !== undefined) {
    const key = parseSecretKey(options.secretKey);
    if (!key) throw new SecretKeyError('SECRET_KEY must be 32 bytes: 64 hex characters or base64 (openssl rand -hex 32)');
    return { key, source: 'env', path, generated: false };
  }
  if (existsSync(path)) return { key: readKeyFile(path), source: 'file', path, generated: false };
  if (!options.create) throw new SecretKeyError(`No SECRET_KEY is set and there is no key file at ${path}`);
  ensurePrivateDir(options.dataDir);
  try {
    // wx: two processes starting on a fresh folder at once must not each write their own key.
    writeKeyFile(path, generateSecretKey(), 'wx');
    return { key: readKeyFile(path), source: 'file', path, generated: true };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return { key: readKeyFile(path), source: 'file', path, generated: false };
    throw error;
  }
}

export function readKeyFile(path: string): Buffer {
  if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
  const key = parseSecretKey(readFileSync(path, 'utf8'));
  if (!key) throw new SecretKeyError(`${path} does not hold a 32-byte key (64 hex characters)`);
  return key;
}

/** Written and flushed before anything is sealed with it, so a crash never leaves data under a lost key. */
export function writeKeyFile(path: string, key: Uint8Array, flag: 'wx' | 'w' = 'w'): void {
  const fd = openSync(path, flag, 0o600);
  try {
    writeSync(fd, `${Buffer.from(key).toString('hex')}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  chmodSync(path, 0o600);
}
