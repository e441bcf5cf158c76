import { redactDatabaseUrl } from '@keluh/db';
import { networkInterfaces } from 'node:os';
import { isAppError, systemClock } from '@keluh/core';
import { loadConfig } from './config/config.ts';
import { buildApp } from './app.ts';
import { hasDemoData, seedDatabase } from './seed/seed.ts';
import { scryptHasher } from './security/password-hasher.ts';
import { generatePassword } from './security/generated-password.ts';
import { SecretKeyError } from './security/secret-key.ts';
import { RedisUnreachableError } from './redis/redis-unreachable.error.ts';
import { connectDemoChannels, demoSimCredentials, demoSimUrl } from './seed/demo-channels.ts';
import { loadMetaSim, startDemoSim } from './seed/demo-sim.ts';
import { openSecureDatabase } from './startup/open-secure-database.ts';
import { listenAddresses } from './startup/listen-addresses.ts';
import { startBanner } from './startup/start-banner.ts';

/** A start that cannot go on says why in one paragraph (a wrong key, a bad variable), not in a stack trace. */
function fatal(error: unknown): never {
  const known = isAppError(error) || error instanceof SecretKeyError || error instanceof RedisUnreachableError || (error instanceof Error && error.message.startsWith('Invalid configuration'));
  console.error(`\n  Keluh cannot start: ${error instanceof Error ? error.message : String(error)}\n`);
  if (!known) console.error(error);
  process.exit(1);
}

async function main(): Promise<void> {
  const config = loadConfig();
  // Before anything is stored: an installation without the stand-in refuses DEMO_SIM=1 with a clear error.
  const metaSim = config.DEMO_SIM ? await loadMetaSim() : null;
  const secure = await openSecureDatabase(config);
  const { db } = secure;
  // Channel settings from the environment are stored before the demo seed, so they win over demo ones.
  const app = await buildApp({ config, db });
  const seeded = await seedDatabase({ db, hasher: scryptHasher, config, clock: systemClock, generatePassword });
  const simUrl = demoSimUrl(config.META_SIM_PORT);
  const connected = config.DEMO_SIM ? await connectDemoChannels(db, simUrl, systemClock.now()) : [];
  if (connected.length > 0) await app.services.channels.load();
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
  const banner = startBanner({
    base: config.PUBLIC_URL?.replace(/\/+$/, '') ?? `http://localhost:${port}`,
    host: config.HOST,
    port,
    addresses: listenAddresses(config.HOST, networkInterfaces()),
    databaseUrl: redactDatabaseUrl(config.DATABASE_URL),
    demoCreated: seeded.demoCreated,
    demoData: await hasDemoData(db),
    adminEmail: config.ADMIN_EMAIL.toLowerCase(),
    logins: seeded.logins,
    secrets: { source: secure.key.source, path: secure.key.path, generated: secure.key.generated, keyId: secure.keyId, sealedAtStart: secure.sealedAtStart, notes: secure.notes },
  });
  // One write, so a process reading our output gets the banner whole.
  process.stdout.write(`${banner.join('\n')}\n`);
  if (metaSim) demoSim = await startDemoSim(metaSim, `http://127.0.0.1:${port}`, await demoSimCredentials(db, simUrl), config.META_SIM_PORT);
}

await main().catch(fatal);
