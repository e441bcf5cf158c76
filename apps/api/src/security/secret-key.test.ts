import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadSecretKey, parseSecretKey } from './secret-key.ts';

const folders: string[] = [];
const tempFolder = () => {
  const folder = mkdtempSync(join(tmpdir(), 'keluh-key-'));
  folders.push(folder);
  return folder;
};
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});
const mode = (path: string) => statSync(path).mode & 0o777;

describe('the secrets key', () => {
  it('is 32 bytes given as hex or base64 (either alphabet), and nothing else', () => {
    const bytes = Buffer.alloc(32, 0xfb);
    expect(parseSecretKey(bytes.toString('hex'))).toEqual(bytes);
    expect(parseSecretKey(` ${bytes.toString('base64')}\n`)).toEqual(bytes);
    expect(parseSecretKey(bytes.toString('base64url'))).toEqual(bytes);
    expect(parseSecretKey('keluh-secret-key-please-change-me-now!!')).toBeNull();
    expect(parseSecretKey(Buffer.alloc(16).toString('hex'))).toBeNull();
  });

  it('is generated on the first start into a 0700 data folder as a 0600 file, and reused afterwards', () => {
    const dataDir = join(tempFolder(), 'data');
    const first = loadSecretKey({ dataDir, create: true });
    expect(first).toMatchObject({ source: 'file', generated: true, path: join(dataDir, 'secret.key') });
    expect(mode(dataDir)).toBe(0o700);
    expect(mode(first.path)).toBe(0o600);
    expect(readFileSync(first.path, 'utf8').trim()).toBe(first.key.toString('hex'));
    const second = loadSecretKey({ dataDir, create: true });
    expect(second.generated).toBe(false);
    expect(second.key).toEqual(first.key);
  });

  it('SECRET_KEY wins over the file and is never written to disk', () => {
    const dataDir = tempFolder();
    const key = Buffer.alloc(32, 1);
    expect(loadSecretKey({ secretKey: key.toString('hex'), dataDir, create: true })).toMatchObject({ source: 'env', generated: false, key });
    expect(() => statSync(join(dataDir, 'secret.key'))).toThrow();
  });

  it('a tool that must not invent a key says where it looked', () => {
    expect(() => loadSecretKey({ dataDir: tempFolder(), create: false })).toThrow(/no key file at .*secret\.key/);
  });

  it('a key file others can read is tightened to 0600; one that holds no key is refused', () => {
    const dataDir = tempFolder();
    const path = join(dataDir, 'secret.key');
    writeFileSync(path, `${Buffer.alloc(32, 2).toString('hex')}\n`, { mode: 0o644 });
    loadSecretKey({ dataDir, create: true });
    expect(mode(path)).toBe(0o600);
    writeFileSync(path, 'not a key');
    expect(() => loadSecretKey({ dataDir, create: true })).toThrow(/does not hold a 32-byte key/);
  });
});
