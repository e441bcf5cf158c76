import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { send } from '../testing/raw-http.ts';
import { FUZZ_TEST_TIMEOUT, fuzzParameters } from './fuzz-settings.ts';
import { startFuzzWorld, type FuzzWorld } from './fuzz-world.ts';
import { expectCodedRefusal, expectServerAnswering } from './http-checks.ts';
import { successEffects, unaccounted } from './request-effects.ts';
import { routeKey } from './route-inventory.ts';
import { censusChange } from './table-census.ts';
import { describeWebhookCase, forgedSignatures, toWebhookRequest, validSignatures, webhookCaseArbitrary, type WebhookCase } from './webhook-case.ts';

const route = (testCase: WebhookCase) => (testCase.kind === 'api' ? '/webhooks/api/:channelId' : `/webhooks/${testCase.kind}`);
const preview = (text: string) => (text.length > 300 ? `${text.slice(0, 300)}…` : text);

describe('webhooks from WhatsApp, Instagram and API channels under hostile deliveries', () => {
  let world: FuzzWorld;
  beforeAll(async () => {
    world = await startFuzzWorld();
  });
  afterEach(async () => expectServerAnswering(world));
  afterAll(() => world.close());

  /** Sends the delivery; checks the answer is coded and what it stored is what a success accounts for. */
  async function deliver(testCase: WebhookCase) {
    const raw = toWebhookRequest(testCase, world);
    const before = world.census();
    const response = await send(world.t.url, raw);
    const label = `${describeWebhookCase(testCase)}\n  body: ${preview(raw.body!.toString('utf8'))}\n  → ${response.status} ${preview(response.text)}`;
    expect(response.status, label).toBeLessThan(500);
    const code = expectCodedRefusal(response, 'POST', label);
    const accepted = response.status === 200;
    const after = accepted ? await world.settledCensus() : world.census();
    const change = censusChange(before, after);
    expect(unaccounted(change, accepted ? successEffects[routeKey('POST', route(testCase))] : {}), `${label}\n  changed the database`).toEqual([]);
    const stored = (change.messages?.after ?? 0) - (change.messages?.before ?? 0);
    if (accepted && testCase.kind === 'api') {
      // All or nothing: exactly the messages the answer reports as new were stored.
      expect(stored, label).toBe((JSON.parse(response.text) as { accepted: number }).accepted);
    } else if (accepted) {
      expect(stored, label).toBeLessThanOrEqual((JSON.parse(response.text) as { received: number }).received);
    }
    return { status: response.status, code };
  }

  it('refuses deliveries with a missing, wrong or misplaced signature, and stores nothing', async () => {
    await fc.assert(
      fc.asyncProperty(webhookCaseArbitrary(fc.constantFrom(...forgedSignatures)), async (testCase) => {
        const { status } = await deliver(testCase);
        expect(status, describeWebhookCase(testCase)).not.toBe(200);
      }),
      fuzzParameters(600, 11),
    );
  }, FUZZ_TEST_TIMEOUT);

  it('stores a validly signed delivery whole when it is well-formed, and not at all when it is not', async () => {
    const outcomes = new Set<string>();
    await fc.assert(
      fc.asyncProperty(webhookCaseArbitrary(fc.constantFrom(...validSignatures, 'valid', 'valid', 'valid')), async (testCase) => {
        const { status, code } = await deliver(testCase);
        outcomes.add(`${testCase.kind} ${status === 200 ? 'stored' : code}`);
      }),
      fuzzParameters(1500, 12),
    );
    // Proof the cases got past the signature to the parser, and past the parser to the ingest.
    for (const kind of ['whatsapp', 'instagram'] as const) expect([...outcomes]).toEqual(expect.arrayContaining([`${kind} stored`, `${kind} webhook.invalid_payload`]));
    expect([...outcomes]).toEqual(expect.arrayContaining(['api stored', 'api validation.failed', 'api webhook.invalid_payload']));
  }, FUZZ_TEST_TIMEOUT);
});
