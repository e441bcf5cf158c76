/**
 * `npm run chaos`: the full chaos run of issue 8 — 10,000 messages from meta-sim with duplicates, batches
 * and reordering while the API processes are killed with SIGKILL and restarted twice, agents replying
 * throughout — on SQLite with one process, then on PostgreSQL with two. Prints what each run verified and
 * how long it took; exits 1 if either found a problem.
 *
 * The scenario lives beside the cluster harness it drives (apps/api/src/testing/chaos/, the same code as
 * the short run in `npm test`) and runs here as its own process, the way the benchmark runs the server:
 * nothing in bench/ imports an app.
 *
 *   npm run chaos [-- --messages 10000] [-- --sqlite-only | --postgres-only] [-- --seed 1]
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    messages: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '1' },
    'sqlite-only': { type: 'boolean', default: false },
    'postgres-only': { type: 'boolean', default: false },
  },
});

function run(engine: 'sqlite' | 'postgres'): Promise<{ ok: boolean; ms: number }> {
  const started = Date.now();
  const args = ['--import', 'tsx', 'apps/api/src/testing/chaos/chaos.cli.ts', '--engine', engine, '--messages', values.messages, '--seed', values.seed];
  const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit' });
  return new Promise((resolve) => child.once('exit', (code) => resolve({ ok: code === 0, ms: Date.now() - started })));
}

const engines = (['sqlite', 'postgres'] as const).filter((engine) => !(engine === 'postgres' && values['sqlite-only']) && !(engine === 'sqlite' && values['postgres-only']));
const results: { engine: string; ok: boolean; ms: number }[] = [];
for (const engine of engines) {
  console.log(`\n▶ chaos on ${engine === 'sqlite' ? 'SQLite, one API process' : 'PostgreSQL, two API processes'}: ${Number(values.messages).toLocaleString('en-US')} messages`);
  results.push({ engine, ...(await run(engine)) });
}
console.log('');
for (const result of results) console.log(`${result.ok ? 'passed' : 'FAILED'}  ${result.engine.padEnd(8)} ${(result.ms / 1000).toFixed(1)} s`);
process.exit(results.every((result) => result.ok) ? 0 : 1);
