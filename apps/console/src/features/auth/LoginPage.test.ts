import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import { ApiError } from '../../api/http.ts';
import { createAppI18n, type Language } from '../../i18n/index.ts';
import LoginPage from './LoginPage.vue';
import { useSessionStore } from './session.store.ts';

async function signInLocked(language: Language, retryAfterSeconds: number) {
  const pinia = createPinia();
  setActivePinia(pinia);
  const session = useSessionStore();
  const login = vi.fn(async () => {
    throw new ApiError('auth.locked', 429, 'locked', { retryAfterSeconds });
  });
  session.login = login as never;
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/login', component: LoginPage }, { path: '/', component: LoginPage }] });
  await router.push('/login');
  const wrapper = mount(LoginPage, { global: { plugins: [pinia, router, createAppI18n(language)] } });
  await wrapper.get('[data-testid=login-email]').setValue('agent@keluh.test');
  await wrapper.get('[data-testid=login-password]').setValue('the-right-one');
  await wrapper.get('form').trigger('submit');
  await flushPromises();
  return { wrapper, login, error: () => wrapper.find('[data-testid=login-error]'), submit: () => wrapper.get('[data-testid=login-submit]') };
}

describe('signing in while the account is locked', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows the coded error with the wait, counts it down and then lets the agent try again', async () => {
    const { error, submit, wrapper } = await signInLocked('en', 90);
    expect(error().attributes('data-code')).toBe('auth.locked');
    expect(error().text()).toBe('Too many failed sign-ins. Try again in 2 minutes.');
    expect(submit().attributes('disabled')).toBeDefined();

    await vi.advanceTimersByTimeAsync(61_000);
    expect(error().text()).toBe('Too many failed sign-ins. Try again in 29 seconds.');

    await vi.advanceTimersByTimeAsync(30_000);
    await wrapper.vm.$nextTick();
    expect(error().exists()).toBe(false);
    expect(submit().attributes('disabled')).toBeUndefined();
  });

  it('says it in Bahasa Indonesia too', async () => {
    const { error } = await signInLocked('id', 45);
    expect(error().text()).toBe('Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam 45 detik.');
  });
});

describe('the login page for assistive technology', () => {
  it('is one main landmark whose language choices are named by what they show', async () => {
    setActivePinia(createPinia());
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/login', component: LoginPage }] });
    await router.push('/login');
    const wrapper = mount(LoginPage, { global: { plugins: [router, createAppI18n('id')] }, attachTo: document.body });
    expect(wrapper.findAll('main')).toHaveLength(1);
    const english = wrapper.get('[data-testid=lang-en]');
    expect(english.text()).toBe('EN');
    expect(english.attributes('aria-label')).toBeUndefined();
    await english.trigger('click');
    expect(wrapper.get('[data-testid=lang-switch]').attributes('data-lang')).toBe('en');
    expect(wrapper.get('h1').text()).toBe('Sign in to Keluh');
    wrapper.unmount();
  });
});
