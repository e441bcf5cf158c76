import { parseArgs } from 'node:util';
import { describeChaos } from './chaos-report.ts';
import { runChaos } from './chaos-run.ts';
import { freshPostgresDatabase } from './chaos-postgres.ts';

/**
 * One chaos run from the command line (`npm run chaos` runs it per engine):
 *   --engine sqlite|postgres  --processes N  --messages N  --customers N  --replies N  --seed N  --lease-ms N
 * PostgreSQL runs on a throwaway server (Debian's package, a temp folder) unless CHAOS_DATABASE_URL names one.
 * Exits 1 when the run found a problem.
 */
const { values } = parseArgs({
  options: {
    engine: { type: 'string', default: 'sqlite' },
    processes: { type: 'string' },
    messages: { type: 'string', default: '10000' },
    customers: { type: 'string' },
    replies: { type: 'string' },
    seed: { type: 'string', default: '1' },
    'lease-ms': { type: 'string', default: '6000' },
  },
});

const postgres = values.engine === 'postgres';
const messages = Number(values.messages);
const database = postgres ? await freshPostgresDatabase() : null;
try {
  const report = await runChaos({
    ...(database && { databaseUrl: database.url }),
    processes: Number(values.processes ?? (postgres ? 2 : 1)),
    messages,
    customers: Number(values.customers ?? Math.max(10, Math.round(messages / 20))),
    replies: Number(values.replies ?? Math.max(10, Math.round(messages / 10))),
    seed: Number(values.seed),
    outboxLeaseMs: Number(values['lease-ms']),
    log: (line) => console.log(`  · ${line}`),
  });
  console.log(describeChaos(report).join('\n'));
  process.exitCode = report.problems.length === 0 ? 0 : 1;
} finally {
  await database?.drop();
}
