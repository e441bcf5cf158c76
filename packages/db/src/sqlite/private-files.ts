import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/** SQLite's companions: the write-ahead log and the shared-memory index hold row data too. */
const COMPANIONS = ['', '-wal', '-shm', '-journal'];

/**
 * The database file holds customer conversations and sealed secrets: only the server's user may read
 * it. SQLite gives the -wal and -shm files the main file's permissions, so creating the main file 0600
 * before SQLite does covers them; files an older install left behind are tightened.
 */
export function preparePrivateDatabaseFile(path: string): void {
  // A new folder is private; an existing one (maybe /var/lib) is the operator's to set.
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  if (!existsSync(path)) closeSync(openSync(path, 'a', 0o600));
  for (const suffix of COMPANIONS) {
    const file = `${path}${suffix}`;
    if (existsSync(file) && (statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  }
}
