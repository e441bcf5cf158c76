import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { effectScope } from 'vue';
import { createAppI18n } from '../../i18n/index.ts';
import type { Command } from './command.types.ts';
import KeyboardHost from './KeyboardHost.vue';
import { useCommands } from './use-commands.ts';

const mounted: { unmount(): void }[] = [];

/** The palette host as the shell mounts it, and one feature registering commands for as long as its scope lives. */
function setup(commands: Command[]) {
  const pinia = createPinia();
  setActivePinia(pinia);
  const feature = effectScope();
  feature.run(() => useCommands(() => commands));
  const wrapper = mount(KeyboardHost, { global: { plugins: [pinia, createAppI18n('en')] }, attachTo: document.body });
  const field = document.body.appendChild(document.createElement('textarea'));
  mounted.push({ unmount: () => (wrapper.unmount(), field.remove()) });
  return { field, leave: () => feature.stop() };
}

const press = (key: string, init: KeyboardEventInit = {}, target: EventTarget = document.body) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init }));
const items = () => [...document.querySelectorAll<HTMLElement>('[data-testid=palette-item]')].map((el) => el.dataset.command);
const filter = () => document.querySelector<HTMLInputElement>('[data-testid=palette-filter]')!;

describe('the command palette', () => {
  afterEach(() => mounted.splice(0).forEach((wrapper) => wrapper.unmount()));

  it('opens on Ctrl+K and lists what the features registered, by group', async () => {
    const run = vi.fn();
    setup([
      { id: 'ticket.status.pending', group: 'ticket', label: 'Set status: Pending', run },
      { id: 'workflow.advance', group: 'workflow', label: 'Advance to stage 2: Gather details', run },
    ]);
    press('k', { ctrlKey: true });
    await flushPromises();
    expect(items()).toEqual(['workflow.advance', 'ticket.status.pending']);
  });

  it('opens on Cmd+K even while the agent is typing in a field', async () => {
    const { field } = setup([{ id: 'a', group: 'app', label: 'A', run: vi.fn() }]);
    press('k', { metaKey: true }, field);
    await flushPromises();
    expect(document.querySelector('[data-testid=command-palette]')).not.toBeNull();
  });

  it('filters as the agent types and runs the highlighted command on Enter', async () => {
    const advance = vi.fn();
    const status = vi.fn();
    setup([
      { id: 'workflow.advance', group: 'workflow', label: 'Advance to stage 2: Gather details', run: advance },
      { id: 'ticket.status.pending', group: 'ticket', label: 'Set status: Pending', run: status },
    ]);
    press('k', { ctrlKey: true });
    await flushPromises();
    filter().value = 'pend';
    filter().dispatchEvent(new Event('input', { bubbles: true }));
    await flushPromises();
    expect(items()).toEqual(['ticket.status.pending']);
    press('Enter', {}, filter());
    await flushPromises();
    expect(status).toHaveBeenCalledOnce();
    expect(advance).not.toHaveBeenCalled();
    expect(document.querySelector('[data-testid=command-palette]')).toBeNull();
  });

  it('shows a refused command’s coded error translated, and stays open', async () => {
    const { ApiError } = await import('../../api/http.ts');
    setup([{ id: 'workflow.advance', group: 'workflow', label: 'Advance', run: () => Promise.reject(new ApiError('workflow.not_a_complaint', 409)) }]);
    press('k', { ctrlKey: true });
    await flushPromises();
    press('Enter', {}, filter());
    await flushPromises();
    const error = document.querySelector<HTMLElement>('[data-testid=palette-error]')!;
    expect(error.dataset.code).toBe('workflow.not_a_complaint');
    expect(error.textContent).toContain('not a complaint');
  });

  it('forgets the commands of a feature that is no longer on screen', async () => {
    const { leave } = setup([{ id: 'workflow.advance', group: 'workflow', label: 'Advance', run: vi.fn() }]);
    leave();
    await flushPromises();
    press('k', { ctrlKey: true });
    await flushPromises();
    expect(items()).toEqual([]);
    expect(document.querySelector('[data-testid=palette-empty]')).not.toBeNull();
  });
});

describe('single-key shortcuts', () => {
  afterEach(() => mounted.splice(0).forEach((wrapper) => wrapper.unmount()));

  it('run their command outside fields and never while typing in one', async () => {
    const focus = vi.fn();
    const { field } = setup([{ id: 'composer.focus', group: 'composer', label: 'Write a reply', shortcut: 'r', run: focus }]);
    press('r', {}, field);
    expect(focus).not.toHaveBeenCalled();
    press('r');
    expect(focus).toHaveBeenCalledOnce();
  });

  it('? opens the shortcut sheet', async () => {
    setup([]);
    press('?');
    await flushPromises();
    expect(document.querySelector('[data-testid=shortcut-sheet]')?.textContent).toContain('Keyboard shortcuts');
  });
});
