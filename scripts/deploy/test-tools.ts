/*
 * What "no test tools in the image" means, in one place for the shape tests and check:image.
 */

/** npm packages only tests, the build or the demo use. None may be installed in the image. */
export const TEST_TOOL_PACKAGES = [
  'vitest',
  '@vitest/runner',
  '@playwright/test',
  'playwright',
  'playwright-core',
  '@keluh/meta-sim',
  '@keluh/e2e',
  '@keluh/bench',
  'socket.io-client',
  'fast-check',
  'happy-dom',
  'typescript',
  'eslint',
  'vite',
  'drizzle-kit',
];

/** Workspaces that are test tools as a whole. */
export const TEST_TOOL_FOLDERS = ['packages/meta-sim', 'e2e', 'bench'];

/** Test code inside the shipped workspaces: the lint rule's test-file globs, and shared suites (`.contract.ts`). */
export function isTestFile(path: string): boolean {
  return /\.(test|spec|testkit|contract)\.ts$/.test(path) || /(^|\/)(testing|fixtures|fuzz)\//.test(path);
}

/** A static import of a test tool (a dynamic import() of meta-sim for DEMO_SIM=1 is allowed). */
export function staticTestToolImport(source: string): string | null {
  const pattern = /^\s*(?:import|export)\s[^;]*?\sfrom\s+['"]([^'"]+)['"]/gm;
  for (const match of source.matchAll(pattern)) {
    const specifier = match[1]!;
    if (match[0].trimStart().startsWith('import type')) continue;
    if (TEST_TOOL_PACKAGES.some((name) => specifier === name || specifier.startsWith(`${name}/`))) return specifier;
  }
  return null;
}
