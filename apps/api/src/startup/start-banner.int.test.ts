import { networkInterfaces } from 'node:os';
import { describe, expect, it } from 'vitest';
import { freshDataDir, startServerProcess } from '../testing/server-process.ts';

const ipv4 = Object.values(networkInterfaces()).flatMap((entries) => (entries ?? []).filter((entry) => entry.family === 'IPv4').map((entry) => entry.address));
const reachable = ipv4.filter((address) => !address.startsWith('127.'));

describe('the start banner of the real server', () => {
  it('on all interfaces (the container default) lists this machine’s addresses and warns that demo data is reachable', async () => {
    const server = await startServerProcess({ DATA_DIR: freshDataDir(), SEED_DEMO: '1', HOST: '0.0.0.0' });
    try {
      const listening = /Listening {3}all interfaces \(0\.0\.0\.0\) on port \d+: (.*)/.exec(server.output());
      expect(listening?.[1]?.split(', ').sort()).toEqual([...ipv4].sort());
      // Every machine this runs on has loopback; whether it warns depends on it having any other address.
      if (reachable.length > 0) expect(server.output()).toContain(`WARNING     demo data is served on ${reachable.join(', ')}, not only on this machine`);
      else expect(server.output()).not.toContain('WARNING');
    } finally {
      expect(await server.stop()).toBe(0);
    }
  }, 60_000);

  it('on loopback it names that one address and does not warn', async () => {
    const server = await startServerProcess({ DATA_DIR: freshDataDir(), SEED_DEMO: '1', HOST: '127.0.0.1' });
    try {
      expect(server.output()).toMatch(/Listening {3}127\.0\.0\.1:\d+\n/);
      expect(server.output()).not.toContain('WARNING');
    } finally {
      expect(await server.stop()).toBe(0);
    }
  }, 60_000);

  it('without demo data it does not warn, whichever interfaces it listens on', async () => {
    const server = await startServerProcess({ DATA_DIR: freshDataDir(), SEED_DEMO: '0', HOST: '0.0.0.0' });
    try {
      expect(server.output()).toContain('Listening   all interfaces (0.0.0.0)');
      expect(server.output()).not.toContain('WARNING');
    } finally {
      expect(await server.stop()).toBe(0);
    }
  }, 60_000);
});
