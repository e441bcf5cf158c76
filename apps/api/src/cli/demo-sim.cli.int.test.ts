import { describe, expect, it } from 'vitest';
import { freePort, freshDataDir, runToExit, startProcess, startServerProcess } from '../testing/server-process.ts';

describe('npm run sim beside a running server', () => {
  it('plays Meta with the secrets a DEMO_SIM=1 start generated, read from the same database', async () => {
    const env = { DATA_DIR: freshDataDir(), SEED_DEMO: '1', META_SIM_PORT: String(await freePort()), META_SIM_INTERVAL_MS: '600000' };
    // Once with DEMO_SIM=1: the unconfigured channels are connected to the stand-in.
    const withSim = await startServerProcess({ ...env, DEMO_SIM: '1' });
    expect(await withSim.stop()).toBe(0);

    const server = await startServerProcess(env);
    const port = new URL(server.url).port;
    const sim = await startProcess(['apps/api/src/cli/demo-sim.cli.ts'], { ...env, PORT: port }, /→ \[WA\] .* · (ok|FAILED)/);
    try {
      expect(sim.output()).toMatch(/→ \[WA\] .* · ok/);
    } finally {
      await sim.stop();
      expect(await server.stop()).toBe(0);
    }
  }, 90_000);

  it('says what to do when no channel is connected to the stand-in', async () => {
    const env = { DATA_DIR: freshDataDir(), SEED_DEMO: '1', META_SIM_PORT: String(await freePort()) };
    const server = await startServerProcess(env);
    try {
      const sim = await runToExit(['apps/api/src/cli/demo-sim.cli.ts'], { ...env, PORT: new URL(server.url).port });
      expect(sim.code).toBe(1);
      expect(sim.output).toContain('no channel is connected to the stand-in');
      expect(sim.output).toContain('DEMO_SIM=1');
    } finally {
      expect(await server.stop()).toBe(0);
    }
  }, 60_000);
});
