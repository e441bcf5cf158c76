import type { Repositories } from '../ports/repositories.ts';
import type { User } from './user.types.ts';

/**
 * The staff an assignee menu offers: a deactivated account keeps its row (tickets, notes and the audit log
 * still name it) but can take no more work, so it is left out.
 */
export async function listAssignableUsers(db: Pick<Repositories, 'users'>): Promise<User[]> {
  return (await db.users.list()).filter((user) => user.deactivatedAt === null);
}
