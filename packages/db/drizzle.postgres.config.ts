import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'drizzle-kit';

// Resolved against this file, like drizzle.config.ts (SQLite), so `npm run db:generate:pg` works from anywhere.
const inHere = (path: string) => relative(process.cwd(), fileURLToPath(new URL(path, import.meta.url))) || '.';

export default defineConfig({
  dialect: 'postgresql',
  schema: inHere('./src/postgres/schema/index.ts'),
  out: inHere('./migrations/postgres'),
  strict: true,
  verbose: true,
});
