import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';
import { fastifyTrustProxy } from './network-settings.ts';

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

  it('trusts no proxy, allows no extra console origin and lets any site embed the widget by default', () => {
    expect(loadConfig({})).toMatchObject({ TRUST_PROXY: false, CONSOLE_ORIGINS: [], WIDGET_ORIGINS: '*' });
  });

  it('reads TRUST_PROXY as off, a hop count, every hop, or a list of proxies', () => {
    expect(loadConfig({ TRUST_PROXY: '0' }).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, loopback' }).TRUST_PROXY).toEqual(['10.0.0.0/8', 'loopback']);
    expect(() => loadConfig({ TRUST_PROXY: 'yes please' })).toThrow(/TRUST_PROXY/);
  });

  it('turns a hop count into a function Fastify accepts: the nearest hops only', () => {
    const trust = fastifyTrustProxy(1) as (address: string, hop: number) => boolean;
    expect([trust('10.0.0.1', 0), trust('203.0.113.9', 1)]).toEqual([true, false]);
    expect(fastifyTrustProxy(0)).toBe(false);
  });

  it('reads origin lists and refuses entries that are not bare origins', () => {
    expect(loadConfig({ CONSOLE_ORIGINS: 'http://localhost:5173, https://desk.example/' }).CONSOLE_ORIGINS).toEqual(['http://localhost:5173', 'https://desk.example']);
    expect(loadConfig({ WIDGET_ORIGINS: 'https://shop.example' }).WIDGET_ORIGINS).toEqual(['https://shop.example']);
    expect(() => loadConfig({ WIDGET_ORIGINS: 'https://shop.example/checkout' })).toThrow(/WIDGET_ORIGINS/);
    expect(() => loadConfig({ CONSOLE_ORIGINS: 'desk.example' })).toThrow(/CONSOLE_ORIGINS/);
  });
});
