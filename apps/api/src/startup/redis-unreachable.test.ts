import { describe, expect, it } from 'vitest';
import { freePort, freshDataDir, runToExit } from '../testing/server-process.ts';

describe('the real server with REDIS_URL set', () => {
  it('refuses to start when Redis does not answer, in one paragraph and without the password', async () => {
    const port = await freePort();
    const { code, output } = await runToExit(['apps/api/src/server.ts'], { DATA_DIR: freshDataDir(), SEED_DEMO: '0', REDIS_URL: `redis://:not-for-logs@127.0.0.1:${port}` });
    expect(code).toBe(1);
    expect(output).toContain(`Keluh cannot start: Redis at redis://:***@127.0.0.1:${port} cannot be reached`);
    expect(output).not.toContain('not-for-logs');
    expect(output).not.toMatch(/\n\s+at /);
  }, 60_000);
});
