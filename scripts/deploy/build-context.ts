import ignore from '@balena/dockerignore';
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';

/**
 * The build context as `docker build .` sends it: the repository less what .dockerignore excludes
 * (@balena/dockerignore ports Docker's own matcher, so `**` and directory rules behave as in Docker).
 */
export class BuildContext {
  private readonly rules: ReturnType<typeof ignore>;
  /** With an exception (`!path`) an ignored folder may hold included files, so it cannot be skipped whole. */
  private readonly hasExceptions: boolean;

  constructor(readonly root: string) {
    const file = join(root, '.dockerignore');
    const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
    this.rules = ignore().add(text);
    this.hasExceptions = text.split('\n').some((line) => line.trim().startsWith('!'));
  }

  /** Whether a context-relative path (`apps/api/src/server.ts`) reaches the builder. */
  includes(path: string): boolean {
    return !this.rules.ignores(posix.normalize(path).replace(/^\.\//, ''));
  }

  /**
   * The files (and symlinks) a `COPY <source>` sends, context-relative. A source that is itself excluded is an
   * error, as in Docker ("not found"); a folder yields everything under it that is not excluded.
   */
  filesUnder(source: string): string[] {
    const start = posix.normalize(source).replace(/\/+$/, '');
    if (/[*?[]/.test(start)) throw new Error(`COPY ${source}: wildcards are not reproduced here; name the paths`);
    if (!existsSync(join(this.root, start)) || (start !== '.' && !this.includes(start) && !this.hasExceptions)) {
      throw new Error(`COPY ${source}: not found in the build context (missing, or excluded by .dockerignore)`);
    }
    const files: string[] = [];
    const walk = (path: string) => {
      const stat = lstatSync(join(this.root, path));
      if (!stat.isDirectory()) {
        if (this.includes(path)) files.push(path);
        return;
      }
      if (path !== '.' && !this.includes(path) && !this.hasExceptions) return;
      for (const entry of readdirSync(join(this.root, path))) walk(path === '.' ? entry : `${path}/${entry}`);
    };
    walk(start);
    return files;
  }
}
