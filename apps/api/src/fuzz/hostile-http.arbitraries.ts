import fc from 'fast-check';
import { headerText, hostileKey, percentEncode, targetText } from './hostile-text.arbitraries.ts';

/** Content types a client may claim: the right one in odd spellings, wrong ones, and nonsense. */
export const contentType: fc.Arbitrary<string | null> = fc.oneof(
  { weight: 4, arbitrary: fc.constant('application/json') },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      null,
      '',
      'application/json; charset=utf-8',
      'APPLICATION/JSON',
      'application/json; charset=latin1',
      'application/json;;;',
      'application/json; boundary=x; charset="utf-8"',
      'application/vnd.api+json',
      'application/jsonx',
      'text/json',
      'text/plain',
      'text/plain; charset=utf-16',
      'text/html',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/octet-stream',
      'application/xml',
      '*/*',
      'garbage',
      ';',
      '/',
    ),
  },
  { weight: 1, arbitrary: headerText },
);

/** Everything after the path: empty, repeated keys, array and object syntax, prototype keys, broken escapes. */
export function queryString(knownKeys: readonly string[]): fc.Arbitrary<string> {
  const key = fc.oneof(
    ...(knownKeys.length > 0 ? [{ weight: 3, arbitrary: fc.constantFrom(...knownKeys) }] : []),
    { weight: 1, arbitrary: hostileKey.map(percentEncode) },
    { weight: 1, arbitrary: fc.constantFrom('__proto__[x]', 'constructor[prototype][x]', 'a[]', 'a[0]', 'a[b][c]', '%zz', '', '=') },
  );
  const suffix = fc.constantFrom('', '', '', '[]', '[0]', '[x]');
  const pair = fc.tuple(key, suffix, fc.option(targetText, { nil: undefined })).map(([name, end, value]) => (value === undefined ? `${name}${end}` : `${name}${end}=${value}`));
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant('') },
    { weight: 1, arbitrary: fc.constantFrom('?', '?&&&', '?=', '?=x', '?&', '?#x', '??', '?%', '?a=1&a=2&a=3') },
    { weight: 5, arbitrary: fc.array(pair, { minLength: 1, maxLength: 6 }).map((pairs) => `?${pairs.join('&')}`) },
    // The same known key many times: arrays where one value is expected.
    { weight: 1, arbitrary: fc.tuple(key, fc.integer({ min: 2, max: 400 })).map(([name, times]) => `?${Array.from({ length: times }, (_, index) => `${name}=${index}`).join('&')}`) },
  );
}

/** What may follow a route's path: nothing, a slash, dot segments, encoded separators. */
export const pathSuffix: fc.Arbitrary<string> = fc.oneof(
  { weight: 14, arbitrary: fc.constant('') },
  { weight: 3, arbitrary: fc.constantFrom('/', '//', '/.', '/..', '/../..', '/./', '/%2e%2e', '/%2e%2e/%2e%2e/etc/passwd', '%2f..%2f..', '/..%5c..%5c', '/%00', '%00', ';jsessionid=x', '/index.html', '/*', '~', '.json', '/x/../', '/.%2e/') },
  { weight: 1, arbitrary: targetText.map((text) => `/${text}`) },
);

/** Headers no browser sends as such, by name; the session headers are fuzzed apart from these. */
const headerValues: Record<string, fc.Arbitrary<string>> = {
  authorization: fc.constantFrom('Bearer', 'Bearer ', 'Bearer  x', 'Bearer a b', 'Bearer a.b.c', 'Bearer ====', 'Basic YTpi', 'bearer', 'Token abc', 'Bearer %00', 'Bearer \u00ff', ' Bearer x', 'Bearer x '),
  cookie: fc.constantFrom('keluh_session=', 'keluh_session=garbage', 'keluh_session=%ZZ', 'keluh_session=%E0%A4%A', 'keluh_session="unterminated', 'keluh_session=a; keluh_session=b', '=;;=', ';', 'a', '__proto__=1', 'keluh_session=\u00ff', `keluh_session=${'x'.repeat(4000)}`),
  origin: fc.constantFrom('https://evil.example', 'null', 'file://', 'http://127.0.0.1', 'http://127.0.0.1.evil.example', 'garbage', '', 'https://evil.example, http://127.0.0.1', 'http://[::1'),
  'x-forwarded-for': fc.constantFrom('1.2.3.4', '1.2.3.4, 5.6.7.8', '::1', '::ffff:10.0.0.1', 'unknown', '', ', ,', '999.999.999.999', 'fe80::1%eth0', `${'1.1.1.1, '.repeat(200)}1.1.1.1`),
  'x-forwarded-host': fc.constantFrom('evil.example', 'evil.example:99999', '[::1', 'a b', '', '@', 'localhost:0', '127.0.0.1, evil.example', `${'h'.repeat(300)}.example`),
  'x-forwarded-proto': fc.constantFrom('https', 'http', 'gopher', 'https, http', '', 'HTTPS', 'javascript'),
  host: fc.constantFrom('evil.example', '', '[::1', 'a b', 'localhost:99999', `${'h'.repeat(300)}`, '127.0.0.1:1'),
  accept: fc.constantFrom('text/html', '*/*', 'application/json', 'garbage', 'text/html;q=0', ''),
  'sec-fetch-site': fc.constantFrom('same-origin', 'cross-site', 'none', 'same-site', 'garbage', ''),
  'accept-encoding': fc.constantFrom('gzip', 'br', 'identity;q=0', '*;q=0', 'garbage'),
  range: fc.constantFrom('bytes=0-1', 'bytes=-1', 'bytes=999999999-', 'bytes=1-0', 'garbage', 'bytes=0-1,2-3,4-5'),
  'if-none-match': fc.constantFrom('*', '"x"', 'W/"x"', 'garbage'),
  'if-match': fc.constantFrom('"nope"', '*', 'W/"x"', 'garbage'),
  'if-unmodified-since': fc.constantFrom('Thu, 01 Jan 1970 00:00:00 GMT', 'garbage'),
  'if-modified-since': fc.constantFrom('Thu, 01 Jan 1970 00:00:00 GMT', 'garbage', 'Fri, 31 Dec 9999 23:59:59 GMT'),
  'x-hub-signature-256': fc.constantFrom('', 'sha256=', 'sha256=00', `sha256=${'0'.repeat(64)}`, 'sha1=abc', 'garbage'),
  'x-keluh-signature': fc.constantFrom('', 'sha256=', `sha256=${'z'.repeat(64)}`, 'garbage'),
  'x-http-method-override': fc.constantFrom('DELETE', 'PUT', 'garbage'),
  expect: fc.constantFrom('100-continue'),
};

/** Mostly none, up to three hostile headers, sometimes the same name twice. */
export const hostileHeaders: fc.Arbitrary<[string, string][]> = fc.oneof(
  { weight: 2, arbitrary: fc.constant<[string, string][]>([]) },
  {
    weight: 3,
    arbitrary: fc.array(
      fc.oneof(
        { weight: 12, arbitrary: fc.constantFrom(...Object.keys(headerValues)).chain((name) => fc.oneof(headerValues[name]!, headerText).map((value): [string, string] => [name, value])) },
        { weight: 2, arbitrary: fc.tuple(fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/), headerText) },
        // Near the 16 KiB header limit, and past it.
        { weight: 1, arbitrary: fc.constantFrom(8_000, 17_000).map((length): [string, string] => ['x-padding', 'p'.repeat(length)]) },
      ),
      { minLength: 1, maxLength: 3 },
    ),
  },
);
