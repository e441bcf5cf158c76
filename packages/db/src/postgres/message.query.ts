import { eq, getTableColumns, sql } from 'drizzle-orm';
import { messages, users } from './schema/index.ts';
import type { PgDb } from './pg-db.ts';

/**
 * Messages as the domain sees them: the agent's name joined in, so a timeline renders without a lookup
 * per row. Customer and system messages carry no author name even if a user id were set.
 */
export function selectMessages(db: PgDb) {
  return db
    .select({
      ...getTableColumns(messages),
      authorName: sql<string | null>`case when ${messages.authorKind} = 'agent' then ${users.name} else null end`,
    })
    .from(messages)
    .leftJoin(users, eq(users.id, messages.authorUserId))
    .$dynamic();
}
