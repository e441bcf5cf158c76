import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const folders = {
  sqlite: fileURLToPath(new URL('../../migrations', import.meta.url)),
  postgres: fileURLToPath(new URL('../../migrations/postgres', import.meta.url)),
};

/**
 * A copy of a dialect's migrations that stops before the first one whose tag ends with `tagSuffix`: the
 * schema an install had before that migration, for tests of what the migration does to old rows. Found
 * by suffix, not number, so renumbering the migrations does not break the test.
 */
export function migrationsBefore(dialect: 'sqlite' | 'postgres', tagSuffix: string): string {
  const source = folders[dialect];
  const copy = mkdtempSync(join(tmpdir(), 'keluh-migrations-'));
  cpSync(source, copy, { recursive: true });
  const journalPath = join(copy, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
  const stop = journal.entries.findIndex((entry) => entry.tag.endsWith(tagSuffix));
  if (stop < 0) throw new Error(`No ${dialect} migration ends with ${tagSuffix}`);
  writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, stop) }));
  return copy;
}
