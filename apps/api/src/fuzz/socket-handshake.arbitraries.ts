import fc from 'fast-check';
import type { FuzzWorld } from './fuzz-world.ts';
import { jsonNode } from './hostile-json.arbitraries.ts';
import { jsonText } from './hostile-json.ts';
import { headerText, hostileString } from './hostile-text.arbitraries.ts';
import type { Namespace } from './socket-case.ts';

/*
 * Handshakes and raw socket.io packets. A handshake carries its credential in `auth` (token for
 * /agent, visitorToken for /visitor) or, for the console, the session cookie with its page's Origin.
 */

function encodable(text: string): boolean {
  try {
    encodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
}

type Credential = 'agent-token' | 'visitor-token' | 'stale-token' | 'agent-token-padded';
type AuthValue = { credential: Credential } | { json: string };

export interface HandshakeCase {
  namespace: Namespace;
  /** The auth object's credential field (`token` or `visitorToken`), and any other fields. */
  value: AuthValue | null;
  extraFields: string | null;
  origin: string | null;
  cookie: 'agent' | string | null;
  query: [string, string][];
}

const authValue: fc.Arbitrary<AuthValue | null> = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom<Credential>('agent-token', 'visitor-token', 'stale-token', 'agent-token-padded').map((credential): AuthValue => ({ credential })) },
  // Under the 64 KiB buffer (in UTF-8 bytes): past it the transport, not our code, drops the connection.
  { weight: 3, arbitrary: jsonNode().map((node): AuthValue => ({ json: jsonText(node) })).filter((value) => 'json' in value && Buffer.byteLength(value.json) < 50_000) },
  { weight: 1, arbitrary: fc.constant(null) },
);

export const handshakeArbitrary: fc.Arbitrary<HandshakeCase> = fc
  .record({
    namespace: fc.constantFrom<Namespace>('agent', 'visitor'),
    value: authValue,
    extraFields: fc.option(jsonNode(['token', 'visitorToken', '__proto__']).map(jsonText).filter((text) => text.startsWith('{') && Buffer.byteLength(text) < 10_000), { nil: null }),
    origin: fc.oneof({ weight: 2, arbitrary: fc.constant(null) }, { weight: 2, arbitrary: fc.constant('ours') }, { weight: 2, arbitrary: fc.constantFrom('https://evil.example', 'null', 'file://', 'garbage', '') }, { weight: 1, arbitrary: headerText }),
    cookie: fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constant('agent') }, { weight: 1, arbitrary: fc.constantFrom('keluh_session=garbage', 'keluh_session=%ZZ', '=;;=', 'keluh_session="x') }, { weight: 1, arbitrary: headerText }),
    // Never engine.io's own keys (EIO, transport, sid): those select the protocol, not who is asking.
    // Only text the client can percent-encode (lone surrogates throw in encodeURIComponent; the HTTP fuzz sends their bytes).
    query: fc.array(fc.tuple(fc.stringMatching(/^[a-z_]{1,8}$/).filter((key) => !['eio', 'transport', 'sid', 't'].includes(key)), hostileString.filter((text) => text.length < 2000 && encodable(text))), { maxLength: 3 }),
  })
  .map((testCase) => Object.assign(testCase, { [fc.toStringMethod]: () => JSON.stringify({ ...testCase, value: testCase.value && 'json' in testCase.value ? { json: testCase.value.json.slice(0, 200) } : testCase.value }) }));

/** The handshake as socket.io-client will send it, and whether it holds a credential that must let it in. */
export function resolveHandshake(testCase: HandshakeCase, world: FuzzWorld) {
  const tokens: Record<Credential, string> = {
    'agent-token': world.agentToken,
    'visitor-token': world.visitor.visitorToken,
    'stale-token': world.staleToken,
    'agent-token-padded': ` ${world.agentToken} `,
  };
  const field = testCase.namespace === 'agent' ? 'token' : 'visitorToken';
  const extra = testCase.extraFields ? (JSON.parse(testCase.extraFields) as Record<string, unknown>) : {};
  const value = testCase.value === null ? undefined : 'credential' in testCase.value ? tokens[testCase.value.credential] : JSON.parse(testCase.value.json);
  // Built with JSON.parse, so a `__proto__` field is an own field, as a hostile client sends it.
  const auth = JSON.parse(JSON.stringify({ ...extra, ...(value === undefined ? {} : { [field]: value }) })) as Record<string, unknown>;
  const headers: Record<string, string> = {};
  if (testCase.origin !== null) headers.origin = testCase.origin === 'ours' ? world.t.url : testCase.origin;
  if (testCase.cookie !== null) headers.cookie = testCase.cookie === 'agent' ? `keluh_session=${encodeURIComponent(world.agentToken)}` : testCase.cookie;
  const credential = testCase.value !== null && 'credential' in testCase.value ? testCase.value.credential : null;
  const foreignOrigin = testCase.origin !== null && testCase.origin !== 'ours';
  // Which handshakes must be let in: the right token for the namespace, or (console) our page with the cookie.
  const bearerIn = testCase.namespace === 'agent' ? credential === 'agent-token' && !foreignOrigin : credential === 'visitor-token';
  const cookieIn = testCase.namespace === 'agent' && testCase.cookie === 'agent' && testCase.origin === 'ours' && typeof auth.token !== 'string';
  // And which may be: nothing without a valid credential for this very namespace.
  const holdsCredential = testCase.namespace === 'agent' ? credential === 'agent-token' || testCase.cookie === 'agent' : credential === 'visitor-token';
  return { auth, headers, query: Object.fromEntries(testCase.query), mustConnect: bearerIn || cookieIn, mayConnect: holdsCredential };
}
