import { computed, ref } from 'vue';
import { defineStore } from 'pinia';
import type { UserDto } from '@keluh/contracts';
import { createApi } from '../../api/endpoints.ts';
import { ApiError, createHttp } from '../../api/http.ts';
import { tokenStorage } from './token-storage.ts';

/**
 * Who is signed in. The token is kept in localStorage (the socket handshake needs it; the API also
 * sets an httpOnly cookie). `hydrate()` confirms a stored token with the server once per page load.
 */
export const useSessionStore = defineStore('session', () => {
  const token = ref<string | null>(tokenStorage.read());
  const user = ref<UserDto | null>(null);
  const hydrated = ref(false);
  let hydrating: Promise<void> | null = null;

  const api = createApi(createHttp({ getToken: () => token.value, onUnauthorized: () => reset() }));
  const isAuthenticated = computed(() => user.value !== null && token.value !== null);

  function hydrate(): Promise<void> {
    if (hydrated.value) return Promise.resolve();
    hydrating ??= (async () => {
      try {
        if (token.value) user.value = (await api.me()).user;
      } catch (error) {
        // Only a refused token ends the session; a network blip keeps it, so the next call can retry.
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
    token.value = result.token;
    user.value = result.user;
    hydrated.value = true;
    tokenStorage.write(result.token);
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

  /** Also called by the API client on any 401: the rest of the app reacts to `isAuthenticated`. */
  function reset(): void {
    token.value = null;
    user.value = null;
    tokenStorage.write(null);
  }

  return { token, user, hydrated, isAuthenticated, hydrate, login, logout, reset };
});
