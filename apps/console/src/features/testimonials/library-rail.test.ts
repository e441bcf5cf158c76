import { describe, expect, it } from 'vitest';
import { flushPromises, mount, RouterLinkStub } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { UserDto } from '@keluh/contracts';
import AppRail from '../../app/AppRail.vue';
import { createAppI18n } from '../../i18n/index.ts';
import { useSessionStore } from '../auth/session.store.ts';

function railFor(role: UserDto['role']) {
  const pinia = createPinia();
  setActivePinia(pinia);
  useSessionStore().user = { id: 1, name: 'Sari', email: 's@keluh.test', role } as UserDto;
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/', name: 'inbox', component: { render: () => null } }] });
  return mount(AppRail, {
    global: {
      plugins: [pinia, router, createAppI18n('en')],
      stubs: { RouterLink: RouterLinkStub, ConnectionStatus: true, LanguageSwitch: true },
    },
  });
}

describe('the rail’s testimonials and recovery entries', () => {
  it.each([
    ['supervisor', true],
    ['admin', true],
    ['agent', false],
  ] as const)('are shown to a %s: %s (core’s permission rule)', async (role, shown) => {
    const rail = railFor(role);
    await flushPromises();
    expect(rail.find('[data-testid=nav-testimonials]').exists()).toBe(shown);
    expect(rail.find('[data-testid=nav-recovery]').exists()).toBe(shown);
  });
});
