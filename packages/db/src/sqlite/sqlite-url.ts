import { fileURLToPath } from 'node:url';

export const MEMORY = ':memory:';

/**
 * Turns a DATABASE_URL into what better-sqlite3 opens. `sqlite://data/keluh.db` is relative to the cwd and
 * `sqlite:///var/lib/keluh.db` absolute, mirroring how people write these URLs for other tools.
 */
export function sqlitePathFromUrl(url: string): string {
  const trimmed = url.trim();
  if (trimmed === '') throw new Error('DATABASE_URL is empty');
  let path = trimmed;
  if (trimmed.startsWith('sqlite://')) path = trimmed.slice('sqlite://'.length);
  else if (trimmed.startsWith('sqlite:')) path = trimmed.slice('sqlite:'.length);
  else if (trimmed.startsWith('file://')) path = fileURLToPath(trimmed);
  else if (trimmed.startsWith('file:')) path = trimmed.slice('file:'.length);
  if (path === '' || path === MEMORY) return MEMORY;
  return path;
}

export function isSqliteUrl(url: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:\/\//i.test(url) || /^(sqlite|file):/i.test(url);
}
