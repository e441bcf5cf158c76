import fc from 'fast-check';
import { exampleBodies, exampleKeys, exampleQueries, exampleSegments } from './fuzz-examples.ts';
import type { FuzzWorld } from './fuzz-world.ts';
import { jsonNodeOf, jsonText, mutate, type JsonMutation } from './hostile-json.ts';
import { hostileBodyBytes, hostileBodyText, jsonMutation } from './hostile-json.arbitraries.ts';
import { contentType, hostileHeaders, pathSuffix, queryString } from './hostile-http.arbitraries.ts';
import { targetText } from './hostile-text.arbitraries.ts';
import type { RawRequest } from '../testing/raw-http.ts';
import type { AppRoute } from './route-inventory.ts';

/** Who the request claims to be. The valid ones are resolved against the world when the case runs. */
export const credentials = ['none', 'agent-bearer', 'admin-bearer', 'agent-cookie', 'admin-cookie', 'visitor-bearer', 'stale-bearer', 'admin-cookie-foreign-origin', 'admin-cookie-no-origin', 'bearer-and-cookie'] as const;
export type Credential = (typeof credentials)[number];
/** A valid session of each kind: staff by bearer token or console cookie, and a widget visitor's token. */
export const sessionCredentials: readonly Credential[] = ['agent-bearer', 'admin-bearer', 'agent-cookie', 'admin-cookie', 'visitor-bearer', 'bearer-and-cookie'];

type Segment = { example: number } | { text: string };
type Body =
  | { kind: 'none' }
  | { kind: 'text'; contentType: string | null; text: string }
  | { kind: 'bytes'; contentType: string | null; bytes: Buffer }
  /** A well-formed example, changed by the mutations (none: sent as it is, and may succeed). */
  | { kind: 'example'; contentType: string | null; example: number; mutations: JsonMutation[] };

/** One fuzzed request, symbolic until it runs: a valid session or id is whatever the world holds then. */
export interface HttpCase {
  route: AppRoute;
  segments: Segment[];
  suffix: string;
  query: string;
  credential: Credential;
  headers: [string, string][];
  body: Body;
}

function bodyArbitrary(route: AppRoute, world: FuzzWorld): fc.Arbitrary<Body> {
  const examples = exampleBodies(route) ?? [];
  const keys = exampleKeys(route, world);
  const withType = <T>(arbitrary: fc.Arbitrary<T>) => fc.tuple(contentType, arbitrary);
  const options: { weight: number; arbitrary: fc.Arbitrary<Body> }[] = [
    { weight: 1, arbitrary: fc.constant({ kind: 'none' }) },
    { weight: 3, arbitrary: withType(hostileBodyText).map(([type, text]): Body => ({ kind: 'text', contentType: type, text })) },
    { weight: 1, arbitrary: withType(hostileBodyBytes).map(([type, bytes]): Body => ({ kind: 'bytes', contentType: type, bytes })) },
  ];
  if (examples.length > 0) {
    const mutations = fc.oneof({ weight: 1, arbitrary: fc.constant<JsonMutation[]>([]) }, { weight: 5, arbitrary: fc.array(jsonMutation(keys), { minLength: 1, maxLength: 3 }) });
    options.push({
      weight: 8,
      arbitrary: fc
        .tuple(fc.oneof({ weight: 5, arbitrary: fc.constant('application/json') }, { weight: 1, arbitrary: contentType }), fc.nat({ max: examples.length - 1 }), mutations)
        .map(([type, example, changes]): Body => ({ kind: 'example', contentType: type, example, mutations: changes })),
    });
  }
  return fc.oneof(...options);
}

/** A hostile query, or a well-formed one as it is, or with hostile pairs appended (a key repeated, an extra key). */
function queryArbitrary(route: AppRoute): fc.Arbitrary<string> {
  const hostile = queryString([...(route.doc?.query ?? []), ...(route.path.startsWith('/webhooks/') ? ['hub.mode', 'hub.verify_token', 'hub.challenge'] : [])]);
  const examples = exampleQueries(route);
  if (examples.length === 0) return hostile;
  const example = fc.constantFrom(...examples);
  return fc.oneof(
    { weight: 2, arbitrary: hostile },
    { weight: 2, arbitrary: example },
    { weight: 1, arbitrary: fc.tuple(example, hostile).map(([good, bad]) => `${good}${bad.replace(/^\?/, '&')}`) },
  );
}

/** `world` only lends the examples' field names; values are resolved when the case runs. */
export function httpCaseArbitrary(route: AppRoute, credential: fc.Arbitrary<Credential>, world: FuzzWorld): fc.Arbitrary<HttpCase> {
  const segment = fc.oneof({ weight: 3, arbitrary: fc.nat({ max: 2 }).map((example): Segment => ({ example })) }, { weight: 2, arbitrary: targetText.map((text): Segment => ({ text })) });
  return fc
    .record({
      route: fc.constant(route),
      segments: fc.tuple(...route.params.map(() => segment)),
      suffix: pathSuffix,
      query: queryArbitrary(route),
      credential,
      headers: hostileHeaders,
      body: bodyArbitrary(route, world),
    })
    .map((testCase) => Object.assign(testCase, { [fc.toStringMethod]: () => summary(testCase) }));
}

const preview = (text: string, max = 200) => (text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text);

/** How fast-check prints a failing case: compact, even when the body is a megabyte. */
function summary(testCase: HttpCase): string {
  const body = testCase.body;
  const bodyText =
    body.kind === 'none'
      ? 'no body'
      : body.kind === 'example'
        ? `example ${body.example} with ${JSON.stringify(body.mutations.map((m) => ({ ...m, ...('node' in m ? { node: preview(jsonText(m.node)) } : {}) })))}`
        : body.kind === 'text'
          ? JSON.stringify(preview(body.text))
          : `bytes ${body.bytes.toString('hex').slice(0, 80)}`;
  return JSON.stringify({
    route: `${testCase.route.method} ${testCase.route.path}`,
    segments: testCase.segments.map((segment) => ('text' in segment ? preview(segment.text, 80) : segment)),
    suffix: testCase.suffix,
    query: preview(testCase.query, 120),
    credential: testCase.credential,
    headers: testCase.headers.map(([name, value]) => `${name}: ${preview(value, 80)}`),
    contentType: 'contentType' in body ? body.contentType : undefined,
    body: bodyText,
  });
}

/** The request target: the route's path with each parameter filled in, then the suffix and query. */
function targetOf(testCase: HttpCase, world: FuzzWorld): string {
  let index = 0;
  const path = testCase.route.path.replace(/:(\w+)|\*/g, (_match, name: string | undefined) => {
    const segment = testCase.segments[index++]!;
    if ('text' in segment) return segment.text;
    const examples = exampleSegments(testCase.route, name ?? '*', world) ?? [];
    return examples[segment.example % examples.length] ?? '1';
  });
  return `${path}${testCase.suffix}${testCase.query}`;
}

function credentialHeaders(credential: Credential, world: FuzzWorld): Record<string, string> {
  const cookie = (token: string) => `keluh_session=${encodeURIComponent(token)}`;
  switch (credential) {
    case 'none':
      return {};
    case 'agent-bearer':
      return { authorization: `Bearer ${world.agentToken}` };
    case 'admin-bearer':
      return { authorization: `Bearer ${world.adminToken}` };
    case 'agent-cookie':
      return { cookie: cookie(world.agentToken), origin: world.t.url };
    case 'admin-cookie':
      return { cookie: cookie(world.adminToken), origin: world.t.url };
    case 'visitor-bearer':
      return { authorization: `Bearer ${world.visitor.visitorToken}` };
    case 'stale-bearer':
      return { authorization: `Bearer ${world.staleToken}` };
    case 'admin-cookie-foreign-origin':
      return { cookie: cookie(world.adminToken), origin: 'https://evil.example' };
    case 'admin-cookie-no-origin':
      return { cookie: cookie(world.adminToken) };
    case 'bearer-and-cookie':
      return { authorization: `Bearer ${world.agentToken}`, cookie: cookie(world.adminToken) };
  }
}

function bodyOf(testCase: HttpCase, world: FuzzWorld): { contentType: string | null; bytes: Buffer } | null {
  const body = testCase.body;
  switch (body.kind) {
    case 'none':
      return null;
    case 'text':
      return { contentType: body.contentType, bytes: Buffer.from(body.text, 'utf8') };
    case 'bytes':
      return { contentType: body.contentType, bytes: body.bytes };
    case 'example': {
      const examples = exampleBodies(testCase.route) ?? [];
      const value = examples[body.example % examples.length]!(world);
      const tree = body.mutations.reduce(mutate, jsonNodeOf(value));
      return { contentType: body.contentType, bytes: Buffer.from(jsonText(tree), 'utf8') };
    }
  }
}

/** The case as bytes on the wire. */
export function toRawRequest(testCase: HttpCase, world: FuzzWorld): RawRequest {
  const headers: Record<string, string | string[]> = { ...credentialHeaders(testCase.credential, world) };
  const body = bodyOf(testCase, world);
  if (body?.contentType !== null && body?.contentType !== undefined) headers['content-type'] = body.contentType;
  // A name already set is sent twice: the server joins them, or keeps only the first (Authorization).
  // node:http sends one Host at most; two Hosts are among the raw-bytes cases.
  for (const [name, value] of testCase.headers) headers[name] = name in headers && name !== 'host' ? [headers[name]!, value].flat() : value;
  return { method: testCase.route.method, target: targetOf(testCase, world), headers, ...(body ? { body: body.bytes } : {}), localAddress: world.nextAddress() };
}

/** How a failing case prints: the route and the request's first few hundred characters, not a megabyte of body. */
export function describeCase(testCase: HttpCase, raw: RawRequest): string {
  const preview = (text: string) => (text.length > 300 ? `${text.slice(0, 300)}… (${text.length} chars)` : text);
  const headers = Object.entries(raw.headers).flatMap(([name, values]) => [values].flat().map((value) => `${name}: ${preview(value)}`));
  return [`${raw.method} ${preview(raw.target)}  [${testCase.credential}]`, ...headers, raw.body ? `body: ${preview(raw.body.toString('utf8'))}` : 'no body'].join('\n  ');
}
