import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import pluginVue from 'eslint-plugin-vue';
import globals from 'globals';

const nodeBuiltins = ['fs', 'path', 'crypto', 'http', 'https', 'net', 'os', 'child_process', 'worker_threads', 'stream', 'url', 'util', 'events', 'async_hooks', 'zlib', 'dns', 'tls'];

/** Apps are leaves: nothing imports them. */
const noApps = { group: ['@keluh/api', '@keluh/api/*', '@keluh/console', '@keluh/console/*', '@keluh/widget', '@keluh/widget/*', '**/apps/**'], message: 'Apps are imported by nobody; move shared code into a package.' };

/** Where tests and their tools live: the only places that may import the test tools below. */
const testFiles = ['**/*.test.ts', '**/*.testkit.ts', '**/testing/**', '**/fixtures/**', '**/fuzz/**'];
const noTestTools = {
  group: ['@keluh/meta-sim', '@keluh/meta-sim/*', '@keluh/db/testing'],
  message: 'Test tools stay out of production code (the production image leaves them out); DEMO_SIM=1 loads meta-sim with import().',
};

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '**/.tsbuild/**', 'data/**', 'test-results/**', 'playwright-report/**', '**/migrations/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] }, globals: { ...globals.browser } },
    rules: { 'vue/multi-word-component-names': 'off', 'vue/max-attributes-per-line': 'off', 'vue/singleline-html-element-content-newline': 'off', 'vue/html-self-closing': 'off' },
  },
  {
    files: ['apps/console/src/**', 'apps/widget/app/**', 'apps/widget/loader/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // The domain is pure: no frameworks, no database, no IO. Everything else depends on it, not the reverse.
    files: ['packages/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: nodeBuiltins.map((name) => ({ name, message: 'Core does no IO; take a port instead.' })),
        patterns: [
          { group: ['node:*'], message: 'Core does no IO; take a port instead.' },
          { group: ['fastify', 'fastify-*', '@fastify/*', 'drizzle-orm', 'drizzle-orm/*', 'better-sqlite3', 'pg', 'socket.io', 'socket.io-client', 'ioredis', 'redis', 'vue'], message: 'Core stays free of frameworks and drivers.' },
          { group: ['@keluh/*'], message: 'Core depends on no other workspace.' },
        ],
      }],
    },
  },
  {
    files: ['packages/contracts/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: nodeBuiltins.map((name) => ({ name, message: 'Contracts run in browsers too.' })),
        patterns: [{ group: ['node:*'], message: 'Contracts run in browsers too.' }, { group: ['@keluh/db', '@keluh/channels'], message: 'Contracts depend only on core.' }, noApps],
      }],
    },
  },
  {
    // Runs in both browser apps: no IO, no framework, and contracts for their types only (the zod
    // schemas are not tree-shakable and would land in the widget's bundle).
    files: ['packages/realtime-client/**/*.ts'],
    ignores: testFiles,
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': ['error', {
        paths: nodeBuiltins.map((name) => ({ name, message: 'The realtime client runs in browsers.' })),
        patterns: [
          { group: ['node:*'], message: 'The realtime client runs in browsers.' },
          { group: ['vue', 'pinia', 'socket.io', 'socket.io-client'], message: 'The realtime client stays framework-free; each app wires its own socket.' },
          { group: ['@keluh/contracts'], allowTypeImports: true, message: 'Types only from contracts: its schemas would land in both bundles.' },
          { group: ['@keluh/*', '!@keluh/contracts'], message: 'The realtime client depends on contracts (types) only.' },
        ],
      }],
    },
  },
  {
    files: ['packages/db/**/*.ts', 'packages/channels/**/*.ts', 'e2e/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noApps] }] },
  },
  {
    // Production code of the server side: no test tool, statically.
    files: ['apps/api/src/**/*.ts', 'packages/channels/src/**/*.ts', 'packages/db/src/**/*.ts'],
    ignores: testFiles,
    rules: { 'no-restricted-imports': ['error', { patterns: [noApps, noTestTools] }] },
  },
  {
    files: ['apps/console/**', 'apps/widget/**'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [
          { group: ['@keluh/db', '@keluh/channels', '@keluh/api', 'fastify', 'drizzle-orm', 'better-sqlite3'], message: 'Browser apps talk to the API, not to server packages.' },
          { group: ['node:*'], message: 'Browser code has no Node built-ins.' },
          // The schemas are not tree-shakable: one value import ships all of zod, whose eval probe breaks the CSP.
          { group: ['@keluh/contracts'], allowTypeImports: true, message: 'Browser apps take only types from contracts; copy a constant as a typed literal (see agent-socket.ts).' },
        ],
      }],
    },
  },
  {
    // What ships: a hook for tests on window would reach every user's browser (e2e drives the network instead).
    files: ['apps/console/src/**', 'apps/widget/app/**', 'apps/widget/loader/**'],
    ignores: testFiles,
    rules: {
      'no-restricted-syntax': ['error', {
        // `window.__x = …`, also through a cast: `(window as unknown as …).__x = …`.
        selector: 'AssignmentExpression > MemberExpression.left[property.name=/^__/] Identifier[name=/^(window|globalThis|self)$/]',
        message: 'Test hooks stay in the specs (e2e/fixtures), not on window in production code.',
      }],
    },
  },
  {
    // Their tests run in Node and may start real servers to talk to (node:http, socket.io).
    files: testFiles.flatMap((pattern) => [`apps/console/${pattern}`, `apps/widget/${pattern}`]),
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [{ group: ['@keluh/db', '@keluh/channels', '@keluh/api', 'fastify', 'drizzle-orm', 'better-sqlite3'], message: 'Browser apps talk to the API, not to server packages.' }],
      }],
    },
  },
);
