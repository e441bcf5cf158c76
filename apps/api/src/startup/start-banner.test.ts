import { describe, expect, it } from 'vitest';
import { startBanner, type BannerInput } from './start-banner.ts';

const base: BannerInput = {
  base: 'http://localhost:3000',
  host: '127.0.0.1',
  port: 3000,
  addresses: ['127.0.0.1'],
  databaseUrl: 'sqlite://./data/keluh.db',
  demoCreated: true,
  demoData: true,
  adminEmail: 'admin@keluh.test',
  logins: [
    { role: 'admin', email: 'admin@keluh.test', password: 'abcde-fghij-kmnop-qrstu', from: 'generated' },
    { role: 'agent', email: 'agent1@keluh.test', password: null, from: 'DEMO_PASSWORD' },
  ],
  secrets: { source: 'file', path: 'data/secret.key', generated: true, keyId: '0123456789abcdef', sealedAtStart: 0, notes: [] },
};
const text = (input: Partial<BannerInput>) => startBanner({ ...base, ...input }).join('\n');

describe('the start banner', () => {
  it('prints generated passwords once and names the variable for the others', () => {
    expect(text({})).toContain('Admin       admin@keluh.test / abcde-fghij-kmnop-qrstu');
    expect(text({})).toContain('agent       agent1@keluh.test / (DEMO_PASSWORD)');
    expect(text({ logins: [] })).toMatch(/Admin {7}admin@keluh\.test {3}\(its password was printed at the first start/);
  });

  it('lists the addresses behind a wildcard host', () => {
    expect(text({ host: '0.0.0.0', addresses: ['127.0.0.1', '172.17.0.2'] })).toContain('Listening   all interfaces (0.0.0.0) on port 3000: 127.0.0.1, 172.17.0.2');
    expect(text({ host: '::', addresses: ['::1', '10.0.0.5'] })).toContain('all interfaces (::) on port 3000: [::1], 10.0.0.5');
    expect(text({})).toContain('Listening   127.0.0.1:3000');
  });

  it('warns when demo data is reachable from another machine, and only then', () => {
    expect(text({ host: '0.0.0.0', addresses: ['127.0.0.1', '172.17.0.2'] })).toMatch(/WARNING {5}demo data is served on 172\.17\.0\.2/);
    expect(text({ host: '10.0.0.5', addresses: ['10.0.0.5'] })).toContain('WARNING');
    expect(text({ host: '0.0.0.0', addresses: ['127.0.0.1'] })).not.toContain('WARNING');
    expect(text({ host: '0.0.0.0', addresses: ['127.0.0.1', '172.17.0.2'], demoData: false })).not.toContain('WARNING');
  });

  it('says where the secrets key is, and asks for a backup of a generated one', () => {
    expect(text({})).toContain('Secrets     sealed with data/secret.key (key 0123456789abcdef) — generated now: back it up');
    expect(text({ secrets: { ...base.secrets, source: 'env', generated: false, sealedAtStart: 3 } })).toMatch(/sealed with SECRET_KEY \(key 0123456789abcdef\)\n.*sealed 3 secret/);
  });
});
