import fp from 'fastify-plugin';
import { AppError } from '@keluh/core';

/** Far beyond any route or built asset we serve; longer paths are probes or mistakes. */
export const MAX_PATH_LENGTH = 2048;

/**
 * Why a request path is one we never serve, or null. Checked on the decoded path because that is what
 * @fastify/static maps onto the disk: `/%2e%2e/` is `/../`, and `%00` a NUL the file system refuses.
 * Empty segments (`//`) are refused too: find-my-way does not collapse them, so they could slip past a
 * more specific route and still be normalised onto a file.
 */
export function pathProblem(url: string): 'too_long' | 'bad' | null {
  const path = url.split('?', 1)[0] ?? '';
  if (path.length > MAX_PATH_LENGTH) return 'too_long';
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return 'bad';
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return 'bad';
  const segments = decoded.split('/').slice(1);
  const last = segments.length - 1;
  return segments.some((segment, index) => segment === '.' || segment === '..' || (segment === '' && index < last)) ? 'bad' : null;
}

/**
 * Refuses such paths with a coded 4xx before any route runs, so neither the static files nor the
 * console's deep-link fallback answers them (and nothing reaches the file system to fail as a 500).
 */
export default fp(
  async (app) => {
    app.addHook('onRequest', async (request) => {
      const problem = pathProblem(request.url);
      if (problem === 'too_long') throw new AppError('request.path_too_long', `Paths are at most ${MAX_PATH_LENGTH} characters`);
      if (problem === 'bad') throw new AppError('request.bad_path', 'This path is not served');
    });
  },
  { name: 'path-guard' },
);
