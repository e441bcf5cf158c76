import { computed, ref } from 'vue';
import { defineStore } from 'pinia';
import type { UserDto } from '@keluh/contracts';
import { createApi } from '../../api/endpoints.ts';
import { ApiError, createHttp } from '../../api/http.ts';

/**
 * Who is signed in. The session itself is an httpOnly cookie that page scripts cannot read (nor steal
 * through an XSS); the console only knows the user it belongs to. `hydrate()` asks the server once per
 * page load whether the cookie still holds a session.
 */
export const useSessionStore = defineStore('session', () => {
  const user = ref<UserDto | null>(null);
  const hydrated = ref(false);
  let hydrating: Promise<void> | null = null;

  const api = createApi(createHttp({ onUnauthorized: () => reset() }));
  const isAuthenticated = computed(() => user.value !== null);

  function hydrate(): Promise<void> {
    if (hydrated.value) return Promise.resolve();
    hydrating ??= (async () => {
      try {
        user.value = (await api.me()).user;
      } catch (error) {
        // Only a refused session ends it; a network blip keeps what we know, so the next call can retry.
        if (error instanceof ApiError && error.status === 401) reset();
      } finally {
        hydrated.value = true;
        hydrating = null;
      }
    })();
    return hydrating;
  }

  async function login(email: string, password: string): Promise<void> {
    const result = await api.login({ email, password });
    user.value = result.user;
    hydrated.value = true;
  }

  async function logout(): Promise<void> {
    try {
      await api.logout();
    } catch {
      // Signing out locally matters more than telling a server that may be unreachable.
    } finally {
      reset();
    }
  }

  /** Also called by the API client on any 401 and when the server ends the live connection's session. */
  function reset(): void {
    user.value = null;
  }

  return { user, hydrated, isAuthenticated, hydrate, login, logout, reset };
});
