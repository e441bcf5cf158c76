import { describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import type { UserDto } from '@keluh/contracts';
import { createAppRouter } from '../../app/router.ts';
import { useSessionStore } from '../auth/session.store.ts';

async function visit(role: UserDto['role'], path: string): Promise<string> {
  setActivePinia(createPinia());
  const session = useSessionStore();
  session.user = { id: 1, name: 'Sari', email: 's@keluh.test', role } as UserDto;
  session.hydrated = true;
  const router = createAppRouter();
  await router.push(path);
  return router.currentRoute.value.fullPath;
}

describe('the testimonials and recovery routes', () => {
  it('open for supervisors and admins', async () => {
    expect(await visit('supervisor', '/testimonials')).toBe('/testimonials');
    expect(await visit('admin', '/recovery')).toBe('/recovery');
  });

  it('send an agent back to the inbox (core’s permission rule, as on the server)', async () => {
    expect(await visit('agent', '/testimonials')).toBe('/inbox/all');
    expect(await visit('agent', '/recovery')).toBe('/inbox/all');
  });
});
