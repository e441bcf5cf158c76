const TOKEN_KEY = 'keluh.token';

/** localStorage can throw (private mode, disabled storage); a session then lives only in memory. */
export const tokenStorage = {
  read(): string | null {
    try {
      return localStorage.getItem(TOKEN_KEY);
    } catch {
      return null;
    }
  },
  write(token: string | null): void {
    try {
      if (token) localStorage.setItem(TOKEN_KEY, token);
      else localStorage.removeItem(TOKEN_KEY);
    } catch {
      // See above.
    }
  },
};
