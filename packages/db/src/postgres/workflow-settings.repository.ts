import { eq } from 'drizzle-orm';
import type { WorkflowSettingsRepository } from '@keluh/core';
import { workflowSettings } from './schema/index.ts';
import type { PgDb } from './pg-db.ts';

const THE_DOCUMENT = 1;

export function createWorkflowSettingsRepository(db: PgDb): WorkflowSettingsRepository {
  return {
    async get() {
      const [row] = await db.select({ value: workflowSettings.value }).from(workflowSettings).where(eq(workflowSettings.id, THE_DOCUMENT));
      return row?.value ?? null;
    },

    async save(settings, now) {
      await db
        .insert(workflowSettings)
        .values({ id: THE_DOCUMENT, value: settings, updatedAt: now })
        .onConflictDoUpdate({ target: workflowSettings.id, set: { value: settings, updatedAt: now } });
      return settings;
    },
  };
}
