import { openDatabase, redactDatabaseUrl } from '@keluh/db';
import { systemClock } from '@keluh/core';
import { loadConfig } from './config/config.ts';
import { buildApp } from './app.ts';
import { seedDatabase } from './seed/seed.ts';
import { scryptHasher } from './security/password-hasher.ts';
import { DEMO_STAFF_PASSWORD, demoStaff } from './seed/demo-content.ts';
import { startDemoSim } from './seed/demo-sim.ts';

const config = loadConfig();
const db = await openDatabase(config.DATABASE_URL);
// Channel settings from the environment are stored before the demo seed, so they win over demo ones.
const app = await buildApp({ config, db });
const seeded = await seedDatabase({ db, hasher: scryptHasher, config, clock: systemClock });
if (seeded.demoCreated) await app.services.channels.load();
let demoSim: { stop(): Promise<void> } | null = null;

let closing = false;
async function shutdown(signal: string): Promise<void> {
  if (closing) return;
  closing = true;
  app.log.info({ signal }, 'shutting down');
  // Stop taking requests, let in-flight ones and the outbox finish, then close the database.
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  await demoSim?.stop();
  await app.close();
  await db.close();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

await app.listen({ port: config.PORT, host: config.HOST });
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : config.PORT;
const base = config.PUBLIC_URL ?? `http://localhost:${port}`;
const lines = [
  '',
  `  Keluh help desk is running`,
  `  Console     ${base}/`,
  `  Demo shop   ${base}/demo   (the chat widget: ${base}/widget.js)`,
  `  API docs    ${base}/docs`,
  `  Database    ${redactDatabaseUrl(config.DATABASE_URL)}${seeded.demoCreated ? '  (demo data created)' : ''}`,
  '',
  `  Admin       ${config.ADMIN_EMAIL} / ${config.ADMIN_PASSWORD === 'keluh-admin-123' ? config.ADMIN_PASSWORD : '(ADMIN_PASSWORD)'}`,
  ...(config.SEED_DEMO ? demoStaff.map((person) => `  ${person.role.padEnd(11)} ${person.email} / ${DEMO_STAFF_PASSWORD}`) : []),
  '',
];
console.log(lines.join('\n'));
if (config.DEMO_SIM) demoSim = await startDemoSim(`http://127.0.0.1:${port}`);
