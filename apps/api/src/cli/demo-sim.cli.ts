/**
 * `npm run sim`: plays Meta for a help desk that is already running, with the same environment as that
 * server (DATABASE_URL / DATA_DIR / SECRET_KEY, PORT or PUBLIC_URL, META_SIM_PORT). It signs with the
 * secrets a DEMO_SIM=1 start generated for the channels it connected to the stand-in, read from the
 * database — there are no demo secrets anywhere else.
 */
import { loadConfig } from '../config/config.ts';
import { demoSimCredentials, demoSimUrl } from '../seed/demo-channels.ts';
import { loadMetaSim, startDemoSim } from '../seed/demo-sim.ts';
import { openSecureDatabase } from '../startup/open-secure-database.ts';

const config = loadConfig();
let metaSim;
try {
  metaSim = await loadMetaSim();
} catch (error) {
  console.error(`meta-sim: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
const simUrl = demoSimUrl(config.META_SIM_PORT);
let credentials;
try {
  const { db } = await openSecureDatabase(config, { createKey: false });
  credentials = await demoSimCredentials(db, simUrl);
  await db.close();
} catch (error) {
  console.error(`meta-sim: cannot read the help desk's channel settings: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
if (!credentials.whatsapp && !credentials.instagram) {
  console.error(`meta-sim: no channel is connected to the stand-in at ${simUrl}. Start the server once with DEMO_SIM=1 (it connects the channels nobody configured), or just run DEMO_SIM=1 npm start.`);
  process.exit(1);
}
const handle = await startDemoSim(metaSim, config.PUBLIC_URL?.replace(/\/+$/, '') ?? `http://127.0.0.1:${config.PORT}`, credentials, config.META_SIM_PORT);
const shutdown = async () => {
  await handle.stop();
  process.exit(0);
};
process.once('SIGINT', () => void shutdown());
process.once('SIGTERM', () => void shutdown());
await handle.done;
