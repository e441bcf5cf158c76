import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { defineComponent } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import { createAppI18n } from '../i18n/index.ts';
import { useSessionStore } from '../features/auth/session.store.ts';
import { useCommandsStore } from '../features/commands/commands.store.ts';
import { useAppCommands } from './use-app-commands.ts';

async function commandsAs(role: 'agent' | 'admin') {
  const pinia = createPinia();
  setActivePinia(pinia);
  useSessionStore().user = { id: 1, name: 'A', role } as never;
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:any(.*)*', name: 'inbox', component: { render: () => null } }, { path: '/settings/channels', name: 'settings-channels', component: { render: () => null } }] });
  await router.push('/');
  const Shell = defineComponent({ setup: () => (useAppCommands(), () => null) });
  mount(Shell, { global: { plugins: [pinia, router, createAppI18n('id')] } });
  return useCommandsStore().all.map((command) => command.id);
}

describe('the console-wide commands', () => {
  it('offer the channel settings only to whom core’s policy allows them', async () => {
    expect(await commandsAs('agent')).toEqual(['app.ticket-list', 'app.search', 'app.language', 'app.shortcuts']);
    expect(await commandsAs('admin')).toEqual(['app.ticket-list', 'app.settings', 'app.search', 'app.language', 'app.shortcuts']);
  });
});
