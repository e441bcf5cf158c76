import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isAppError } from '@keluh/core';
import { loadMetaSim, type MetaSimModule } from './demo-sim.ts';

/**
 * A module outside this repository (no node_modules above it) that imports `specifier`: Node resolves it
 * for real and fails as it does in the production image, where @keluh/meta-sim is not installed.
 */
function importerOutsideTheRepo(specifier: string): () => Promise<MetaSimModule> {
  const folder = mkdtempSync(join(tmpdir(), 'keluh-no-meta-sim-'));
  const file = join(folder, 'entry.mjs');
  writeFileSync(file, `export * from '${specifier}';\n`);
  return () => import(pathToFileURL(file).href) as Promise<MetaSimModule>;
}

describe('loading the Meta stand-in for DEMO_SIM=1', () => {
  it('loads it where it is installed (a full checkout)', async () => {
    const metaSim = await loadMetaSim();
    expect(typeof metaSim.startMetaSim).toBe('function');
    expect(metaSim.DEMO_CONVERSATIONS.length).toBeGreaterThan(0);
  });

  it('where it is not installed, stops with a coded error that says what to do', async () => {
    const error: unknown = await loadMetaSim(importerOutsideTheRepo('@keluh/meta-sim')).catch((caught: unknown) => caught);
    expect(isAppError(error) && error.code).toBe('demo_sim.unavailable');
    expect((error as Error).message).toContain('DEMO_SIM=1 needs the local Meta stand-in (@keluh/meta-sim), which this installation does not include');
    expect((error as Error).message).toContain('Start without DEMO_SIM');
  });

  it('another missing package (one the stand-in itself would import) is not mistaken for the stand-in being absent', async () => {
    const error: unknown = await loadMetaSim(importerOutsideTheRepo('@keluh/meta-sim-helper')).catch((caught: unknown) => caught);
    expect(isAppError(error)).toBe(false);
    expect((error as { code?: string }).code).toBe('ERR_MODULE_NOT_FOUND');
  });
});
