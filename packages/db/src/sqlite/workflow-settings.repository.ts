import { eq } from 'drizzle-orm';
import type { WorkflowSettingsRepository } from '@keluh/core';
import { workflowSettings } from '../schema/index.ts';
import type { SqliteDb } from './sqlite-db.ts';

const THE_DOCUMENT = 1;

export function createWorkflowSettingsRepository(db: SqliteDb): WorkflowSettingsRepository {
  return {
    async get() {
      return db.select({ value: workflowSettings.value }).from(workflowSettings).where(eq(workflowSettings.id, THE_DOCUMENT)).get()?.value ?? null;
    },

    async save(settings, now) {
      db.insert(workflowSettings)
        .values({ id: THE_DOCUMENT, value: settings, updatedAt: now })
        .onConflictDoUpdate({ target: workflowSettings.id, set: { value: settings, updatedAt: now } })
        .run();
      return settings;
    },
  };
}
