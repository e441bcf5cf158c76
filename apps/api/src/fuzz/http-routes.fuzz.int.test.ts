import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { exampleBodies, exampleSegments } from './fuzz-examples.ts';
import { FUZZ_TEST_TIMEOUT, fuzzParameters } from './fuzz-settings.ts';
import { startFuzzWorld, type FuzzWorld } from './fuzz-world.ts';
import { checkHttpCase, expectCodedRefusal, expectServerAnswering, handlerCoverage } from './http-checks.ts';
import { rawBytesCase } from './raw-bytes.arbitraries.ts';
import { censusChange } from './table-census.ts';
import { sendBytes } from '../testing/raw-http.ts';
import { httpCaseArbitrary, sessionCredentials, type Credential, type HttpCase } from './http-case.ts';
import { inventory, routeKey, type AppRoute } from './route-inventory.ts';

/**
 * Routes the fuzzer leaves alone, each with the reason. Empty today: every route the app serves is
 * fuzzed, static files and Swagger UI included. A route listed here that no longer exists fails the
 * inventory test, so the list cannot go stale.
 */
const SKIPPED: Record<string, string> = {};

const withoutSession: Credential[] = ['none', 'visitor-bearer', 'stale-bearer', 'admin-cookie-foreign-origin', 'admin-cookie-no-origin'];

describe('every HTTP route under hostile requests', () => {
  let world: FuzzWorld;
  let routes: AppRoute[];
  let fuzzed: AppRoute[];

  beforeAll(async () => {
    world = await startFuzzWorld();
    routes = await inventory(world.t.app);
    fuzzed = routes.filter((route) => !(routeKey(route.method, route.path) in SKIPPED));
  });
  afterEach(async () => expectServerAnswering(world));
  afterAll(() => world.close());

  const anyRoute = (credential: fc.Arbitrary<Credential>) => fc.constantFrom(...fuzzed).chain((route) => httpCaseArbitrary(route, credential, world));
  // One well-formed request per route (example path, no query, the first example body, untouched): it
  // reaches the handler whatever the machine's speed, so coverage never hangs on the random draw.
  const everyRouteFirst = () =>
    fuzzed.map((route, index): [HttpCase] => {
      const [drawn] = fc.sample(httpCaseArbitrary(route, fc.constant<Credential>('admin-bearer'), world), { numRuns: 1, seed: 10_000 + index });
      const body: HttpCase['body'] = (exampleBodies(route)?.length ?? 0) > 0 ? { kind: 'example', contentType: 'application/json', example: 0, mutations: [] } : { kind: 'none' };
      return [Object.assign(drawn!, { segments: route.params.map(() => ({ example: 0 })), suffix: '', query: '', headers: [], body })];
    });

  it('finds every route in the app itself, and knows a well-formed request to each one it fuzzes', () => {
    const keys = routes.map((route) => `${route.method} ${route.path}`);
    // The inventory comes from the router, not from this list: these only prove it reads the router right.
    for (const expected of ['POST /api/tickets/:id/messages', 'GET /healthz', 'POST /webhooks/api/:channelId', 'GET /widget/*', 'GET /docs/json', 'GET /index.html']) expect(keys).toContain(expected);
    for (const skipped of Object.keys(SKIPPED)) expect(routes.map((route) => routeKey(route.method, route.path)), `skipped but gone: ${skipped}`).toContain(skipped);
    const unknown = fuzzed.flatMap((route) => [
      ...route.params.filter((param) => !exampleSegments(route, param, world)?.length).map((param) => `${route.method} ${route.path}: no well-formed :${param}`),
      ...(exampleBodies(route) === null ? [`${route.method} ${route.path}: takes a body but has no well-formed example`] : []),
    ]);
    expect(unknown, 'add them to fuzz-examples.ts, or to SKIPPED with the reason').toEqual([]);
  });

  it('watches every table that matters, by its rows and their contents', () => {
    // The census reads the tables from the database itself; this only proves none of these slipped out of it.
    expect(world.tables).toEqual(
      expect.arrayContaining(['customers', 'identities', 'tickets', 'messages', 'events', 'outbox', 'parked_statuses', 'api_channels', 'channel_configs', 'sessions', 'visitor_sessions', 'login_failures', 'users', 'settings']),
    );
  });

  it('refuses requests without a valid session with a coded 4xx, and stores nothing', async () => {
    await fc.assert(
      fc.asyncProperty(anyRoute(fc.constantFrom(...withoutSession)), async (testCase) => {
        await checkHttpCase(world, testCase);
      }),
      fuzzParameters(2500, 1),
    );
  }, FUZZ_TEST_TIMEOUT);

  it('answers signed-in agents and admins sending malformed requests with a coded 4xx, storing only what a success accounts for', async () => {
    const coverage = handlerCoverage();
    await fc.assert(
      fc.asyncProperty(anyRoute(fc.constantFrom(...sessionCredentials)), async (testCase) => {
        coverage.record(testCase, await checkHttpCase(world, testCase));
      }),
      { ...fuzzParameters(5000, 2), examples: everyRouteFirst() },
    );
    expect(coverage.unreached(fuzzed), 'routes whose handler or validation no case reached').toEqual([]);
  }, FUZZ_TEST_TIMEOUT);

  it('answers bytes no HTTP client would send with a coded 4xx or by closing the connection, storing nothing', async () => {
    await fc.assert(
      fc.asyncProperty(rawBytesCase, async (testCase) => {
        const before = world.census();
        const answer = await sendBytes(world.t.url, testCase.bytes);
        const label = `${fc.stringify(testCase)}\n  → ${answer.statusLine} ${answer.body.slice(0, 300)}`;
        if (answer.statusLine !== null) {
          const status = Number(/^HTTP\/1\.1 (\d{3})\b/.exec(answer.statusLine)?.[1]);
          expect(status, label).toBeLessThan(500);
          if (status >= 400) expectCodedRefusal({ status, headers: {}, text: answer.body }, testCase.method, label);
        }
        expect(censusChange(before, world.census()), label).toEqual({});
      }),
      fuzzParameters(1500, 3),
    );
  }, FUZZ_TEST_TIMEOUT);
});
