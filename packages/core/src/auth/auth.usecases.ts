import { addMilliseconds, type Clock, type Instant } from '../shared/instant.ts';
import { AppError } from '../shared/errors.ts';
import type { Repositories } from '../ports/repositories.ts';
import type { PasswordHasher, Session, TokenService, User } from '../users/user.types.ts';
import { LOGIN_THROTTLE, lockDurationMs, remainingLockMs, throttleKeys, type LoginThrottlePolicy } from './login-throttle.rules.ts';

export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;

export interface AuthDeps {
  db: Pick<Repositories, 'users' | 'sessions' | 'loginFailures'>;
  clock: Clock;
  hasher: PasswordHasher;
  tokens: TokenService;
  /** Tests shorten it; production uses LOGIN_THROTTLE. */
  throttle?: LoginThrottlePolicy;
}

export interface LoginInput {
  email: string;
  password: string;
  /** The client's address as the server trusts it (behind a proxy: per TRUST_PROXY). */
  address: string;
}

export interface IssuedSession {
  token: string;
  user: User;
  expiresAt: Instant;
}

/** A hash to compare against when the email is unknown, so timing does not reveal which emails exist. */
const NO_USER_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$' + 'A'.repeat(86);

/**
 * Checks the password and opens a session. Unknown emails are counted and locked exactly like real
 * ones, so the lock-out reveals nothing about which accounts exist.
 */
export async function login(deps: AuthDeps, input: LoginInput): Promise<IssuedSession> {
  const policy = deps.throttle ?? LOGIN_THROTTLE;
  const email = input.email.trim().toLowerCase();
  const plain = throttleKeys(email, input.address);
  const keys = { address: deps.tokens.digest(plain.address), account: deps.tokens.digest(plain.account) };
  const now = deps.clock.now();

  // A locked key refuses even the right password: otherwise the lock would only slow down wrong guesses.
  const counts = await deps.db.loginFailures.find([keys.address, keys.account]);
  const wait = remainingLockMs(counts.values(), now);
  if (wait > 0) throw lockedError(wait);

  const found = await deps.db.users.findByEmailWithSecret(email);
  const valid = await deps.hasher.verify(input.password, found?.passwordHash ?? NO_USER_HASH);
  if (!found || !valid) {
    const lockMs = await countFailure(deps, policy, keys, now);
    if (lockMs > 0) throw lockedError(lockMs);
    throw new AppError('auth.invalid_credentials', 'Email or password is wrong');
  }

  // Checked only after the password matched, so it reveals nothing to someone guessing.
  if (found.deactivatedAt) throw new AppError('user.deactivated', 'This account was deactivated');
  await deps.db.loginFailures.clear(keys.address);
  const { passwordHash: _secret, ...user } = found;
  return { ...(await openSession(deps, user.id, now)), user };
}

async function countFailure(deps: AuthDeps, policy: LoginThrottlePolicy, keys: { address: string; account: string }, now: Instant): Promise<number> {
  const forgetBefore = addMilliseconds(now, -policy.forgetAfterMs);
  let longest = 0;
  for (const [key, tier] of [[keys.address, policy.address], [keys.account, policy.account]] as const) {
    const failures = await deps.db.loginFailures.recordFailure(key, now, forgetBefore);
    const lockMs = lockDurationMs(failures, tier, policy.maxLockMs);
    if (lockMs > 0) await deps.db.loginFailures.lockUntil(key, addMilliseconds(now, lockMs));
    longest = Math.max(longest, lockMs);
  }
  return longest;
}

function lockedError(waitMs: number): AppError {
  return new AppError('auth.locked', 'Too many failed sign-ins; wait before trying again', { retryAfterSeconds: Math.ceil(waitMs / 1000) });
}

async function openSession(deps: AuthDeps, userId: number, now: Instant): Promise<{ token: string; expiresAt: Instant }> {
  const token = deps.tokens.newToken();
  const expiresAt = addMilliseconds(now, SESSION_TTL_MS);
  await deps.db.sessions.create({ tokenHash: deps.tokens.digest(token), userId, createdAt: now, expiresAt });
  return { token, expiresAt };
}

/** The live session behind a stored token digest, with its user; refused once expired or signed out. */
export async function resumeSession(deps: AuthDeps, tokenHash: string): Promise<{ user: User; session: Session }> {
  const session = await deps.db.sessions.findValid(tokenHash, deps.clock.now());
  const user = session ? await deps.db.users.findById(session.userId) : null;
  // A deactivation deletes the sessions too; this covers one opened in the moment between the two.
  if (!session || !user || user.deactivatedAt) throw new AppError('auth.unauthenticated', 'Session is invalid or expired');
  return { user, session };
}

export async function authenticateSession(deps: AuthDeps, token: string | null | undefined): Promise<{ user: User; session: Session }> {
  if (!token) throw new AppError('auth.unauthenticated', 'Sign in first');
  return resumeSession(deps, deps.tokens.digest(token));
}

export async function authenticate(deps: AuthDeps, token: string | null | undefined): Promise<User> {
  return (await authenticateSession(deps, token)).user;
}

/** Ends the session; returns its digest so live connections opened with it can be cut. */
export async function logout(deps: AuthDeps, token: string): Promise<string> {
  const tokenHash = deps.tokens.digest(token);
  await deps.db.sessions.delete(tokenHash);
  return tokenHash;
}

/** Housekeeping for the periodic janitor: expired sessions and forgotten failure counts. */
export async function purgeAuthLeftovers(deps: AuthDeps): Promise<{ sessions: number; loginFailures: number }> {
  const policy = deps.throttle ?? LOGIN_THROTTLE;
  const now = deps.clock.now();
  const sessions = await deps.db.sessions.purgeExpired(now);
  const loginFailures = await deps.db.loginFailures.purgeStale(addMilliseconds(now, -policy.forgetAfterMs), now);
  return { sessions, loginFailures };
}
