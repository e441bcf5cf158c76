#!/usr/bin/env node
/**
 * `npm run sim`: plays Meta for a running help desk. Env: KELUH_URL (default http://localhost:3000),
 * META_SIM_PORT (3900), WHATSAPP_APP_SECRET / INSTAGRAM_APP_SECRET (demo-whatsapp-secret /
 * demo-instagram-secret), WHATSAPP_ACCESS_TOKEN / INSTAGRAM_ACCESS_TOKEN (demo-…-token),
 * META_SIM_INTERVAL_MS (3000). Point the help desk's Graph base URL at http://127.0.0.1:3900 and list
 * that host in its OUTBOUND_ALLOW_HOSTS (the outbound guard calls no local http address otherwise).
 */
import { demoConfigFromEnv } from './demo.config.ts';
import { startMetaSim } from './demo.runner.ts';

const handle = await startMetaSim(demoConfigFromEnv(process.env));

const shutdown = async () => {
  await handle.stop();
  process.exit(0);
};
process.once('SIGINT', () => void shutdown());
process.once('SIGTERM', () => void shutdown());

await handle.done;
