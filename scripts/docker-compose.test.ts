import { describe, expect, it } from 'vitest';
import { readFileSync, existsSync } from 'node:fs';
import { parse } from 'yaml';

const root = new URL('..', import.meta.url);
const compose = parse(readFileSync(new URL('docker-compose.yml', root), 'utf8'));

describe('docker-compose.yml (no Docker engine here, so its shape is checked instead)', () => {
  it('builds the API from the Dockerfile in this repository', () => {
    expect(compose.services.api.build).toBe('.');
    expect(existsSync(new URL('Dockerfile', root))).toBe(true);
  });

  it('publishes the one port the product serves on and checks health there', () => {
    expect(compose.services.api.ports).toContain('3000:3000');
    expect(compose.services.api.environment.PORT).toBe('3000');
    expect(compose.services.api.healthcheck.test.join(' ')).toContain('/healthz');
  });

  it('keeps the embedded database on a named volume that survives restarts', () => {
    expect(compose.services.api.environment.DATABASE_URL).toMatch(/^sqlite:\/\/\/app\/data\//);
    expect(compose.services.api.volumes).toContain('keluh-data:/app/data');
    expect(Object.keys(compose.volumes)).toContain('keluh-data');
  });

  it('ships no password and no key: left unset, they are generated at the first start', () => {
    const environment = compose.services.api.environment as Record<string, string>;
    expect(environment.ADMIN_PASSWORD).toBe('${ADMIN_PASSWORD:-}');
    expect(environment.SECRET_KEY).toBe('${SECRET_KEY:-}');
    expect(environment.DATA_DIR).toBe('/app/data');
    expect(JSON.stringify(compose)).not.toMatch(/keluh-(admin|agent)-123/);
  });

  it('stops the API with SIGTERM, which it handles gracefully', () => {
    expect(compose.services.api.stop_signal).toBe('SIGTERM');
  });

  it('runs the same server entry point as npm start', () => {
    const dockerfile = readFileSync(new URL('Dockerfile', root), 'utf8');
    expect(dockerfile).toContain('apps/api/src/server.ts');
    expect(readFileSync(new URL('scripts/start.mjs', root), 'utf8')).toContain('apps/api/src/server.ts');
  });
});
