import { addMilliseconds, type Clock } from '../shared/instant.ts';
import { AppError } from '../shared/errors.ts';
import type { Repositories } from '../ports/repositories.ts';
import type { PasswordHasher, TokenService, User } from '../users/user.types.ts';

export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;

export interface AuthDeps {
  db: Pick<Repositories, 'users' | 'sessions'>;
  clock: Clock;
  hasher: PasswordHasher;
  tokens: TokenService;
}

/** A hash to compare against when the email is unknown, so timing does not reveal which emails exist. */
const NO_USER_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$' + 'A'.repeat(86);

export async function login(deps: AuthDeps, input: { email: string; password: string }): Promise<{ token: string; user: User }> {
  const found = await deps.db.users.findByEmailWithSecret(input.email.trim().toLowerCase());
  const valid = await deps.hasher.verify(input.password, found?.passwordHash ?? NO_USER_HASH);
  if (!found || !valid) throw new AppError('auth.invalid_credentials', 'Email or password is wrong');
  const token = deps.tokens.newToken();
  const now = deps.clock.now();
  await deps.db.sessions.create({
    tokenHash: deps.tokens.digest(token),
    userId: found.id,
    createdAt: now,
    expiresAt: addMilliseconds(now, SESSION_TTL_MS),
  });
  const { passwordHash: _secret, ...user } = found;
  return { token, user };
}

export async function authenticate(deps: AuthDeps, token: string | null | undefined): Promise<User> {
  if (!token) throw new AppError('auth.unauthenticated', 'Sign in first');
  const session = await deps.db.sessions.findValid(deps.tokens.digest(token), deps.clock.now());
  const user = session ? await deps.db.users.findById(session.userId) : null;
  if (!user) throw new AppError('auth.unauthenticated', 'Session is invalid or expired');
  return user;
}

export async function logout(deps: AuthDeps, token: string): Promise<void> {
  await deps.db.sessions.delete(deps.tokens.digest(token));
}
