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
    expect(() => loadConfig({ DEMO_PASSWORD: 'short' })).toThrow(/DEMO_PASSWORD/);
  });

  it('has no fixed password and no fixed key: unset, they are generated at the first start', () => {
    const config = loadConfig({});
    expect(config.ADMIN_PASSWORD).toBeUndefined();
    expect(config.DEMO_PASSWORD).toBeUndefined();
    expect(config.SECRET_KEY).toBeUndefined();
    // docker-compose passes ${ADMIN_PASSWORD:-} through as an empty string: that is "unset", not a password.
    expect(loadConfig({ ADMIN_PASSWORD: '', SECRET_KEY: '' })).toMatchObject({ ADMIN_PASSWORD: undefined, SECRET_KEY: undefined });
  });

  it('joins processes through Redis only when REDIS_URL names one', () => {
    expect(loadConfig({}).REDIS_URL).toBeUndefined();
    expect(loadConfig({})).toMatchObject({ REDIS_PREFIX: 'keluh:', PRESENCE_TTL: 30_000 });
    // docker-compose's ${REDIS_URL:-}: unset, so one process on its own.
    expect(loadConfig({ REDIS_URL: '' }).REDIS_URL).toBeUndefined();
    expect(loadConfig({ REDIS_URL: 'redis://:secret@redis:6379/0', REDIS_PREFIX: 'helpdesk-prod:', PRESENCE_TTL: '90s' })).toMatchObject({
      REDIS_URL: 'redis://:secret@redis:6379/0',
      REDIS_PREFIX: 'helpdesk-prod:',
      PRESENCE_TTL: 90_000,
    });
    expect(loadConfig({ REDIS_URL: 'rediss://cache.example:6380' }).REDIS_URL).toBe('rediss://cache.example:6380');
  });

  it('refuses a Redis URL of another scheme, a prefix with spaces and a presence TTL under a second', () => {
    expect(() => loadConfig({ REDIS_URL: 'http://redis:6379' })).toThrow(/REDIS_URL/);
    expect(() => loadConfig({ REDIS_URL: 'redis:6379' })).toThrow(/REDIS_URL/);
    expect(() => loadConfig({ REDIS_PREFIX: 'my app' })).toThrow(/REDIS_PREFIX/);
    expect(() => loadConfig({ PRESENCE_TTL: '500ms' })).toThrow(/PRESENCE_TTL/);
    expect(() => loadConfig({ PRESENCE_TTL: 'soon' })).toThrow(/PRESENCE_TTL/);
  });

  it('holds a closed console for 30 seconds before offline, and sweeps for idle agents every 15, unless told otherwise', () => {
    expect(loadConfig({})).toMatchObject({ PRESENCE_GRACE_SECONDS: 30, PRESENCE_SWEEP: 15_000 });
    expect(loadConfig({ PRESENCE_GRACE_SECONDS: '90', PRESENCE_SWEEP: '5s' })).toMatchObject({ PRESENCE_GRACE_SECONDS: 90, PRESENCE_SWEEP: 5_000 });
    expect(() => loadConfig({ PRESENCE_GRACE_SECONDS: '-1' })).toThrow(/PRESENCE_GRACE_SECONDS/);
    expect(() => loadConfig({ PRESENCE_GRACE_SECONDS: 'half a minute' })).toThrow(/PRESENCE_GRACE_SECONDS/);
  });

  it('keeps the database and media in the data folder unless told otherwise', () => {
    expect(loadConfig({})).toMatchObject({ DATA_DIR: './data', DATABASE_URL: 'sqlite://./data/keluh.db', MEDIA_DIR: './data/media' });
    expect(loadConfig({ DATA_DIR: '/var/lib/keluh/' })).toMatchObject({ DATABASE_URL: 'sqlite:///var/lib/keluh/keluh.db', MEDIA_DIR: '/var/lib/keluh/media' });
    expect(loadConfig({ DATA_DIR: '/srv', DATABASE_URL: ':memory:', MEDIA_DIR: '/tmp/m' })).toMatchObject({ DATABASE_URL: ':memory:', MEDIA_DIR: '/tmp/m' });
  });

  it('takes SECRET_KEY as 32 bytes in hex or base64 and refuses anything else at start', () => {
    expect(loadConfig({ SECRET_KEY: 'ab'.repeat(32) }).SECRET_KEY).toBe('ab'.repeat(32));
    expect(loadConfig({ SECRET_KEY: Buffer.alloc(32, 7).toString('base64') }).SECRET_KEY).toBeDefined();
    expect(() => loadConfig({ SECRET_KEY: 'correct horse battery staple' })).toThrow(/SECRET_KEY/);
    expect(() => loadConfig({ SECRET_KEY: 'ab'.repeat(16) })).toThrow(/SECRET_KEY/);
  });

  it('reads the outbound allow-list as host[:port] entries and refuses anything else', () => {
    expect(loadConfig({}).OUTBOUND_ALLOW_HOSTS).toEqual([]);
    expect(loadConfig({ OUTBOUND_ALLOW_HOSTS: '127.0.0.1:3900, localhost' }).OUTBOUND_ALLOW_HOSTS).toEqual([
      { hostname: '127.0.0.1', port: '3900' },
      { hostname: 'localhost', port: null },
    ]);
    expect(() => loadConfig({ OUTBOUND_ALLOW_HOSTS: 'http://127.0.0.1:3900' })).toThrow(/OUTBOUND_ALLOW_HOSTS/);
  });

  it('downloads Instagram media from Meta’s CDN hosts unless told otherwise', () => {
    expect(loadConfig({}).INSTAGRAM_CDN_HOSTS).toEqual(['lookaside.fbsbx.com', 'fbcdn.net', 'cdninstagram.com']);
    expect(loadConfig({ INSTAGRAM_CDN_HOSTS: 'fbcdn.net, CDN.example.com' }).INSTAGRAM_CDN_HOSTS).toEqual(['fbcdn.net', 'cdn.example.com']);
    expect(() => loadConfig({ INSTAGRAM_CDN_HOSTS: 'https://fbcdn.net/' })).toThrow(/INSTAGRAM_CDN_HOSTS/);
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

describe('the outbox lease', () => {
  it('is five minutes unless shortened, and never under a second', () => {
    expect(loadConfig({}).OUTBOX_LEASE).toBe(5 * 60_000);
    expect(loadConfig({ OUTBOX_LEASE: '6s' }).OUTBOX_LEASE).toBe(6_000);
    expect(() => loadConfig({ OUTBOX_LEASE: '500ms' })).toThrow(/OUTBOX_LEASE/);
    expect(() => loadConfig({ OUTBOX_LEASE: '5' })).toThrow(/OUTBOX_LEASE/);
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
