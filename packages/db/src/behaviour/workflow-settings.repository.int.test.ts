import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultWorkflowSettings, type Database } from '@keluh/core';
import { freshDb, T0 } from '../testing/fixtures.ts';

describe('workflow settings', () => {
  let db: Database;
  beforeEach(async () => {
    db = await freshDb();
  });
  afterEach(() => db.close());

  it('there are none until an admin saves them, and the last save wins', async () => {
    expect(await db.workflowSettings.get()).toBeNull();
    await db.workflowSettings.save(defaultWorkflowSettings, T0);
    const edited = { stageThresholdMinutes: { 1: 5, 2: 30, 3: 120, 4: 720, 5: 2880 }, rootCauses: [{ key: 'other', label: { id: 'Lainnya', en: 'Other' } }] };
    expect(await db.workflowSettings.save(edited, T0)).toEqual(edited);
    expect(await db.workflowSettings.get()).toEqual(edited);
  });
});
