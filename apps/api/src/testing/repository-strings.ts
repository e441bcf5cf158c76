import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';

const SKIPPED = new Set(['node_modules', '.git', 'dist', '.tsbuild', 'test-results', 'playwright-report', 'data', 'coverage']);
const SOURCES = new Set(['.ts', '.mjs', '.js', '.md', '.json', '.vue', '.yml', '.yaml', '.html', '.sh']);
/** '…', "…" or `…` on one line, of a length a secret could have. */
const QUOTED = /(["'`])((?:(?!\1)[^\\\n]|\\.){4,200}?)\1/g;

/**
 * Every quoted string in the repository's own sources (and, for escaped ones, what they unescape to):
 * the candidates an attacker reading the code would try as secrets, passwords and tokens.
 */
export function repositoryStrings(root: string): string[] {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (SKIPPED.has(entry.name)) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (SOURCES.has(extname(entry.name))) {
        for (const match of readFileSync(path, 'utf8').matchAll(QUOTED)) {
          const literal = match[2]!;
          found.add(literal);
          if (literal.includes('\\')) found.add(literal.replace(/\\(.)/g, '$1'));
        }
      }
    }
  };
  walk(root);
  return [...found];
}
