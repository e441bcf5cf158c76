import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { createAppRouter } from '../../app/router.ts';
import { json, staffMember } from './admin.fixtures.ts';

async function landing(role: 'admin' | 'supervisor' | 'agent', path: string): Promise<string> {
  vi.stubGlobal('fetch', vi.fn(async () => json(200, { user: staffMember(1, { role }) })));
  setActivePinia(createPinia());
  const router = createAppRouter();
  await router.push(path);
  return String(router.currentRoute.value.name);
}

// The first navigation compiles the lazily imported pages, which takes a while on a busy machine.
describe('who reaches the users, teams and audit settings', { timeout: 30_000 }, () => {
  afterEach(() => vi.unstubAllGlobals());

  it.each(['/settings/users', '/settings/teams', '/settings/audit'])('an admin opens %s', async (path) => {
    expect(await landing('admin', path)).toBe(`settings-${path.split('/').at(-1)}`);
  });

  it.each(['supervisor', 'agent'] as const)('someone with the %s role asking for the admin pages lands in the inbox instead', async (role) => {
    for (const path of ['/settings/users', '/settings/teams', '/settings/audit']) expect(await landing(role, path)).toBe('inbox');
  });
});
