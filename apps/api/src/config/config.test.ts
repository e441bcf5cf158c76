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

describe('widget limits and lifetimes', () => {
  it('defaults to 15-minute tokens, 30-day sessions and per-minute rates', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      WIDGET_TOKEN_TTL: 15 * 60_000,
      WIDGET_SESSION_TTL: 30 * 86_400_000,
      WIDGET_MESSAGE_RATE: { limit: 20, windowMs: 60_000 },
      WIDGET_MESSAGE_IP_RATE: { limit: 120, windowMs: 60_000 },
      WIDGET_SESSION_IP_RATE: { limit: 30, windowMs: 60_000 },
      WIDGET_SESSION_RATE: { limit: 10, windowMs: 60_000 },
    });
  });

  it('reads durations and rates written the short way', () => {
    const config = loadConfig({ WIDGET_TOKEN_TTL: '90s', WIDGET_SESSION_TTL: '12h', WIDGET_MESSAGE_RATE: '5/10s', WIDGET_MESSAGE_IP_RATE: '100/m' });
    expect(config).toMatchObject({
      WIDGET_TOKEN_TTL: 90_000,
      WIDGET_SESSION_TTL: 12 * 3_600_000,
      WIDGET_MESSAGE_RATE: { limit: 5, windowMs: 10_000 },
      WIDGET_MESSAGE_IP_RATE: { limit: 100, windowMs: 60_000 },
    });
  });

  it.each([['WIDGET_TOKEN_TTL', '15'], ['WIDGET_TOKEN_TTL', '0m'], ['WIDGET_MESSAGE_RATE', '20'], ['WIDGET_MESSAGE_RATE', '0/1m'], ['WIDGET_MESSAGE_RATE', '20/1w']])('refuses %s=%s at start', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(name));
  });
});
