import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('configuration from the environment', () => {
  it('runs on the embedded database at port 3000 with nothing set', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBe('sqlite://./data/keluh.db');
    expect(config.SEED_DEMO).toBe(true);
  });

  it('reads the port as a number and demo seeding as a flag', () => {
    const config = loadConfig({ PORT: '8080', SEED_DEMO: '0', LOG_LEVEL: 'warn' });
    expect(config).toMatchObject({ PORT: 8080, SEED_DEMO: false, LOG_LEVEL: 'warn' });
  });

  it('names every invalid setting at start instead of failing later', () => {
    expect(() => loadConfig({ PORT: 'eighty', ADMIN_EMAIL: 'not-an-email', LOG_LEVEL: 'loud' })).toThrow(/PORT[\s\S]*ADMIN_EMAIL[\s\S]*LOG_LEVEL|PORT/);
  });

  it('refuses a short admin password', () => {
    expect(() => loadConfig({ ADMIN_PASSWORD: 'short' })).toThrow(/ADMIN_PASSWORD/);
  });
});
