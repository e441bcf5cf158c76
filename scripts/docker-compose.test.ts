import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { parse } from 'yaml';
import { loadConfig } from '../apps/api/src/config/config.ts';
import { interpolate, MissingVariableError } from './deploy/compose-interpolate.ts';
import { findAll, parseNginxConf, type NginxDirective } from './deploy/nginx-conf.parser.ts';

const root = new URL('..', import.meta.url);
const composeText = readFileSync(new URL('docker-compose.yml', root), 'utf8');
// merge: compose resolves `<<: *api` (YAML merge keys), and so must we, or api-1 would look empty.
const compose = parse(composeText, { merge: true }) as Compose;

interface Service {
  build?: string;
  image?: string;
  pull_policy?: string;
  ports?: string[];
  expose?: string[];
  environment?: Record<string, string>;
  volumes?: string[];
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
  stop_signal?: string;
  stop_grace_period?: string;
}
interface Compose {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
}

const services = compose.services;
const apiNames = Object.keys(services).filter((name) => services[name]!.build !== undefined);
const api = services['api-1']!;

/** The environment a container gets when compose runs with `env` (what `docker compose config` would print). */
function containerEnv(service: Service, env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(service.environment ?? {}).map(([name, value]) => [name, interpolate(String(value), env)]));
}

const operatorEnv = { SECRET_KEY: randomBytes(32).toString('hex'), POSTGRES_PASSWORD: randomBytes(24).toString('hex') };

describe('docker-compose.yml: two API processes behind a proxy, on PostgreSQL and Redis (no Docker engine here, so its shape is checked)', () => {
  it('has the proxy, two API processes of one image, PostgreSQL and Redis', () => {
    expect(Object.keys(services).sort()).toEqual(['api-1', 'api-2', 'postgres', 'proxy', 'redis']);
    expect(apiNames).toEqual(['api-1', 'api-2']);
    for (const name of apiNames) {
      expect(services[name]!.build, name).toBe('.');
      expect(services[name]!.image, name).toBe(api.image);
      // Built here, never pulled: a public image that happens to carry the name is not ours.
      expect(services[name]!.pull_policy, name).toBe('build');
    }
    expect(existsSync(new URL('Dockerfile', root))).toBe(true);
    expect(services.proxy!.image).toMatch(/^nginx:/);
    expect(services.postgres!.image).toMatch(/^postgres:\d+/);
    expect(services.redis!.image).toMatch(/^redis:\d+/);
  });

  it('gives both API processes the same settings, and reaches them only through the proxy', () => {
    expect(services['api-2']!.environment).toEqual(api.environment);
    expect(services['api-2']!.volumes).toEqual(api.volumes);
    for (const name of apiNames) {
      expect(services[name]!.ports, `${name} publishes no port`).toBeUndefined();
      expect(services[name]!.expose).toEqual([api.environment!.PORT]);
    }
    expect(services.proxy!.ports).toEqual(['${KELUH_PORT:-8080}:80']);
  });

  it('points the API at the postgres and redis services by the names the other engineers read', () => {
    const env = containerEnv(api, operatorEnv);
    const database = new URL(env.DATABASE_URL!);
    expect(database.protocol).toBe('postgres:');
    expect(database.hostname).toBe('postgres');
    expect(database.password).toBe(operatorEnv.POSTGRES_PASSWORD);
    expect(database.pathname).toBe(`/${services.postgres!.environment!.POSTGRES_DB}`);
    expect(database.username).toBe(services.postgres!.environment!.POSTGRES_USER);
    const redis = new URL(env.REDIS_URL!);
    expect(redis.protocol).toBe('redis:');
    expect(redis.hostname).toBe('redis');
  });

  it("the API's settings, as compose would fill them in, pass the server's own configuration check", () => {
    const config = loadConfig(containerEnv(api, operatorEnv));
    expect(config.DATABASE_URL).toMatch(/^postgres:\/\/keluh:[0-9a-f]{48}@postgres:5432\/keluh$/);
    expect(config.SECRET_KEY).toBe(operatorEnv.SECRET_KEY);
    // One proxy hop in front: its forwarded headers are believed, nothing further left.
    expect(config.TRUST_PROXY).toBe(1);
    expect(config.PUBLIC_URL).toBe('http://localhost:8080');
    expect(config.ADMIN_PASSWORD).toBeUndefined();
    expect(config.SEED_DEMO).toBe(false);
    expect(config.HOST).toBe('0.0.0.0');
    expect(config.MEDIA_DIR).toBe('/app/media');
  });

  it('writes no secret: SECRET_KEY and POSTGRES_PASSWORD must come from the environment, and compose refuses to start without them', () => {
    expect(api.environment!.SECRET_KEY).toMatch(/^\$\{SECRET_KEY:\?[^}]+\}$/);
    expect(services.postgres!.environment!.POSTGRES_PASSWORD).toMatch(/^\$\{POSTGRES_PASSWORD:\?[^}]+\}$/);
    expect(api.environment!.ADMIN_PASSWORD).toBe('${ADMIN_PASSWORD:-}');
    expect(() => containerEnv(api, { POSTGRES_PASSWORD: operatorEnv.POSTGRES_PASSWORD })).toThrow(MissingVariableError);
    expect(() => containerEnv(api, { SECRET_KEY: operatorEnv.SECRET_KEY })).toThrow(MissingVariableError);
    expect(() => containerEnv(services.postgres!, {})).toThrow(MissingVariableError);
    // No literal key or password anywhere: 64 hex characters, base64 keys, the passwords older versions documented.
    expect(composeText).not.toMatch(/[0-9a-f]{32,}|[A-Za-z0-9+/_-]{43}=?/);
    expect(composeText).not.toMatch(/keluh-(admin|agent)-123/);
  });

  it('checks every service’s health, the API on /healthz at its own port', () => {
    for (const [name, service] of Object.entries(services)) expect(service.healthcheck?.test[0], name).toMatch(/^CMD(-SHELL)?$/);
    expect(api.healthcheck!.test.join(' ')).toContain(`http://127.0.0.1:${api.environment!.PORT}/healthz`);
    expect(services.postgres!.healthcheck!.test.join(' ')).toContain('pg_isready -U keluh -d keluh');
    expect(services.redis!.healthcheck!.test).toEqual(['CMD', 'redis-cli', 'ping']);
    expect(services.proxy!.healthcheck!.test.join(' ')).toContain('http://127.0.0.1/healthz');
  });

  it('starts each service only once what it needs is healthy', () => {
    for (const name of apiNames) {
      expect(services[name]!.depends_on, name).toMatchObject({ postgres: { condition: 'service_healthy' }, redis: { condition: 'service_healthy' } });
    }
    expect(Object.keys(services.proxy!.depends_on!).sort()).toEqual(apiNames);
    // api-1 does the first start's one-time work (the admin and its printed password) alone.
    expect(services['api-2']!.depends_on!['api-1']).toEqual({ condition: 'service_healthy' });
    for (const [name, service] of Object.entries(services)) {
      for (const [dependency, { condition }] of Object.entries(service.depends_on ?? {})) {
        expect(condition, `${name} → ${dependency}`).toBe('service_healthy');
        expect(services[dependency]?.healthcheck, `${dependency} has a health check`).toBeDefined();
      }
    }
  });

  it('keeps PostgreSQL, Redis and the shared media on named volumes', () => {
    expect(services.postgres!.volumes).toEqual(['keluh-postgres:/var/lib/postgresql/data']);
    expect(services.redis!.volumes).toEqual(['keluh-redis:/data']);
    expect(api.volumes).toEqual([`keluh-media:${api.environment!.MEDIA_DIR}`]);
    const named = Object.values(services).flatMap((service) => (service.volumes ?? []).map((volume) => volume.split(':')[0]!).filter((source) => !source.startsWith('.')));
    expect(Object.keys(compose.volumes).sort()).toEqual([...new Set(named)].sort());
  });

  it('stops the API with SIGTERM and waits longer than its own 10-second drain', () => {
    for (const name of apiNames) {
      expect(services[name]!.stop_signal).toBe('SIGTERM');
      expect(Number.parseInt(services[name]!.stop_grace_period!, 10)).toBeGreaterThan(10);
    }
  });

  it('runs the same server entry point as npm start', () => {
    const dockerfile = readFileSync(new URL('Dockerfile', root), 'utf8');
    expect(dockerfile).toContain('apps/api/src/server.ts');
    expect(readFileSync(new URL('scripts/start.mjs', root), 'utf8')).toContain('apps/api/src/server.ts');
  });
});

describe('deploy/nginx.conf: sticky, websocket-capable, mounted read-only', () => {
  const mount = services.proxy!.volumes!.find((volume) => volume.includes('nginx.conf'))!;
  const [source, target, mode] = mount.split(':');
  const conf = parseNginxConf(readFileSync(new URL(source!, root), 'utf8'));
  const http = conf.find((directive) => directive.name === 'http')!;
  const upstreams = findAll([http], 'upstream');
  const server = http.block!.find((directive) => directive.name === 'server')!;
  const headers = (block: NginxDirective[]) => new Map(block.filter((directive) => directive.name === 'proxy_set_header').map((directive) => [directive.args[0]!.toLowerCase(), directive.args[1]]));

  it('is the file in this repository, replacing nginx’s own configuration read-only', () => {
    expect(source).toBe('./deploy/nginx.conf');
    expect(target).toBe('/etc/nginx/nginx.conf');
    expect(mode).toBe('ro');
    expect(conf.map((directive) => directive.name)).toEqual(expect.arrayContaining(['events', 'http']));
  });

  it('balances over exactly the API services of the compose file, on their port', () => {
    expect(upstreams).toHaveLength(1);
    const servers = upstreams[0]!.block!.filter((directive) => directive.name === 'server').map((directive) => directive.args[0]);
    expect(servers).toEqual(apiNames.map((name) => `${name}:${services[name]!.environment!.PORT}`));
  });

  it('is sticky: a client’s address keeps it on one process', () => {
    const block = upstreams[0]!.block!;
    const sticky = block.find((directive) => directive.name === 'ip_hash' || directive.name === 'hash');
    expect(sticky, 'ip_hash or hash in the upstream').toBeDefined();
    if (sticky!.name === 'hash') expect(sticky!.args).toEqual(['$remote_addr', 'consistent']);
    // nginx requires the balancing method before keepalive.
    expect(block.indexOf(sticky!)).toBeLessThan(block.findIndex((directive) => directive.name === 'keepalive'));
  });

  it('passes websocket upgrades and the forwarded headers TRUST_PROXY=1 believes', () => {
    expect(findAll([server], 'listen').map((directive) => directive.args[0])).toEqual(['80']);
    expect(server.block!.find((directive) => directive.name === 'proxy_http_version')?.args).toEqual(['1.1']);
    const set = headers(server.block!);
    expect(set.get('upgrade')).toBe('$http_upgrade');
    const map = http.block!.find((directive) => directive.name === 'map' && directive.args[0] === '$http_upgrade')!;
    expect(set.get('connection')).toBe(map.args[1]);
    expect(map.block!.find((entry) => entry.name === 'default')?.args).toEqual(['upgrade']);
    expect(set.get('x-forwarded-for')).toBe('$proxy_add_x_forwarded_for');
    expect(set.get('x-forwarded-proto')).toBe('$scheme');
    expect(set.get('host')).toBe('$http_host');
  });

  it('sends every location to the upstream, with the server’s headers (a location setting its own would drop them)', () => {
    const locations = findAll([server], 'location');
    expect(locations.map((location) => location.args.join(' '))).toEqual(expect.arrayContaining(['/', '/socket.io/']));
    for (const location of locations) {
      expect(location.block!.find((directive) => directive.name === 'proxy_pass')?.args, location.args.join(' ')).toEqual([`http://${upstreams[0]!.args[0]}`]);
      expect(headers(location.block!).size, `${location.args.join(' ')} sets no header of its own`).toBe(0);
    }
  });
});
