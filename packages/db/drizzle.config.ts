import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'drizzle-kit';

// Resolved against this file, so `npm run db:generate` works from the repository root as well as from here.
// drizzle-kit mishandles absolute `out` paths when it reads earlier snapshots, hence relative to the cwd.
const inHere = (path: string) => relative(process.cwd(), fileURLToPath(new URL(path, import.meta.url))) || '.';

export default defineConfig({
  dialect: 'sqlite',
  schema: inHere('./src/schema/index.ts'),
  out: inHere('./migrations'),
  strict: true,
  verbose: true,
});
