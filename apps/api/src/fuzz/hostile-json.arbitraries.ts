import fc from 'fast-check';
import { jsonText, type JsonMutation, type JsonNode } from './hostile-json.ts';
import { hostileKey, hostileString, numberToken } from './hostile-text.arbitraries.ts';

const leaf: fc.Arbitrary<JsonNode> = fc.oneof(
  { weight: 3, arbitrary: hostileString.map((value): JsonNode => ({ t: 'string', value })) },
  { weight: 2, arbitrary: numberToken.map((text): JsonNode => ({ t: 'token', text })) },
  { weight: 1, arbitrary: fc.constantFrom('true', 'false', 'null').map((text): JsonNode => ({ t: 'token', text })) },
);

/** Any JSON value, keys from `keys` (the route's own field names) as often as hostile ones. */
export function jsonNode(keys: readonly string[] = []): fc.Arbitrary<JsonNode> {
  const key = keys.length > 0 ? fc.oneof(fc.constantFrom(...keys), hostileKey) : hostileKey;
  return fc.letrec<{ node: JsonNode; array: JsonNode; object: JsonNode }>((tie) => ({
    node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('array'), tie('object')),
    array: fc.array(tie('node'), { maxLength: 4 }).map((items): JsonNode => ({ t: 'array', items })),
    object: fc.array(fc.tuple(key, tie('node')), { maxLength: 4 }).map((entries): JsonNode => ({ t: 'object', entries })),
  })).node;
}

/** Large shapes built directly (fast-check would take long to grow them): deep, long and wide. */
const bigShape: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(2_000, 100_000).map((depth) => `${'['.repeat(depth)}${']'.repeat(depth)}`),
  fc.constantFrom(2_000, 60_000).map((depth) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`),
  fc.constantFrom(10_000, 200_000).map((length) => `[${'1,'.repeat(length)}1]`),
  fc.constantFrom(10_000).map((length) => `{"messageIds":[${Array.from({ length }, (_, index) => index + 1).join(',')}],"status":"read"}`),
  fc.constantFrom(20_000).map((width) => `{${Array.from({ length: width }, (_, index) => `"k${index}":${index}`).join(',')}}`),
  // Just over the 1 MiB JSON body limit, and the 4 MiB webhook limit.
  fc.constantFrom(1024 * 1024 + 10, 4 * 1024 * 1024 + 10).map((length) => JSON.stringify({ body: 'x'.repeat(length) })),
);

/** Text that is not JSON, or JSON cut short. */
const notJson: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('', ' ', 'undefined', 'NaN', "{'a':1}", '{"a":1,}', '[1,2,', '"unterminated', '{"a"}', '{"a":01}', '\u0000', '\ufeff{}', '{}{}', '1 2', '{"a":1}garbage', '<xml/>', 'a=1&b=2', '--boundary\r\n'),
  fc.string({ maxLength: 40 }),
  fc.tuple(jsonNode(), fc.nat()).map(([node, cut]) => {
    const text = jsonText(node);
    return text.slice(0, text.length > 1 ? cut % text.length : 0);
  }),
);

/** A whole body's text: any JSON, structured garbage, or something big. */
export const hostileBodyText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: jsonNode().map(jsonText) },
  { weight: 3, arbitrary: notJson },
  { weight: 1, arbitrary: bigShape },
);

/** Bytes that are not UTF-8 at all, or UTF-8 with the byte sequences decoders are told to refuse. */
export const hostileBodyBytes: fc.Arbitrary<Buffer> = fc.oneof(
  fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes)),
  fc.constantFrom('{"body":"\xff\xfe"}', '{"body":"\xc0\xae"}', '{"body":"\xed\xa0\x80"}', '\xef\xbb\xbf{}').map((text) => Buffer.from(text, 'latin1')),
);

export function jsonMutation(keys: readonly string[]): fc.Arbitrary<JsonMutation> {
  const at = fc.nat({ max: 64 });
  const node = jsonNode(keys);
  return fc.oneof(
    { weight: 4, arbitrary: fc.record({ op: fc.constant('replace' as const), at, node }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), at }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('add' as const), at, key: fc.oneof(hostileKey, fc.constantFrom(...(keys.length > 0 ? keys : ['x']))), node }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('duplicate' as const), at }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('wrap' as const), at }) },
  );
}
