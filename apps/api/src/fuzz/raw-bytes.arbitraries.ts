import fc from 'fast-check';

/*
 * Requests as bytes, for what no HTTP client library would send: broken request lines, header lines
 * Node's parser must refuse, conflicting body framing (the shapes request smuggling is made of).
 * Nothing here carries a valid session, so nothing may ever be stored.
 */

const method = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('GET', 'POST', 'HEAD', 'PUT', 'PATCH', 'DELETE') },
  { weight: 1, arbitrary: fc.constantFrom('get', 'OPTIONS', 'TRACE', 'CONNECT', 'PRI', 'FOO', 'G ET', '', 'GET\u0000', 'POST\t') },
);
const target = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('/healthz', '/api/tickets', '/api/auth/token', '/webhooks/whatsapp', '/webhooks/api/1', '/widget.js', '/') },
  { weight: 1, arbitrary: fc.constantFrom('*', 'http://evil.example/healthz', '//healthz', 'healthz', '/healthz#x', '/\u0000', '/%', '/ space', '/\u00e9', `/${'a'.repeat(9000)}`, '') },
);
const version = fc.oneof({ weight: 6, arbitrary: fc.constant('HTTP/1.1') }, { weight: 1, arbitrary: fc.constantFrom('HTTP/1.0', 'HTTP/0.9', 'HTTP/2.0', 'HTTP/1.1x', 'HTTP/9.9', 'http/1.1', '') });

const headerLine = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('Host: x', 'Accept: */*', 'Content-Type: application/json', 'Connection: keep-alive', 'Connection: close') },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'Content-Length: 5',
      'Content-Length: -1',
      'Content-Length: abc',
      'Content-Length: 1, 2',
      'Content-Length: 99999999999999999999',
      'Content-Length:  5 ',
      'Transfer-Encoding: chunked',
      'Transfer-Encoding: chunked, identity',
      'Transfer-Encoding: xchunked',
      'Transfer-Encoding: identity',
      'Transfer-Encoding : chunked',
      'Host: a',
      'Host:',
      'Upgrade: websocket',
      'Upgrade: h2c',
      'Expect: 100-continue',
    ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom('no colon here', ': no name', 'X-Space : value', ' folded: continuation', '\tobs-fold', 'X-Nul: a\u0000b', 'X-Cr: a\rb', 'Bad\u00ffName: x', `X-Long: ${'l'.repeat(20_000)}`),
  },
);

const body = fc.oneof(
  fc.constantFrom('', '{}', '{"email":"a@b.c","password":"x"}', '0\r\n\r\n', '5\r\nhello\r\n0\r\n\r\n', 'zz\r\nbad\r\n0\r\n\r\n', '5;ext=' + 'e'.repeat(5000) + '\r\nhello\r\n0\r\n\r\n', '5\r\nhel', 'GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n'),
  fc.uint8Array({ maxLength: 40 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
);

export interface RawBytesCase {
  method: string;
  bytes: Buffer;
  [fc.toStringMethod]: () => string;
}

export const rawBytesCase: fc.Arbitrary<RawBytesCase> = fc
  .tuple(method, target, version, fc.array(headerLine, { maxLength: 5 }), fc.boolean(), body, fc.constantFrom('\r\n', '\n', '\r'))
  .map(([verb, path, http, headers, withHost, payload, eol]) => {
    const text = [`${verb} ${path} ${http}`, ...(withHost ? ['Host: 127.0.0.1'] : []), ...headers].join(eol) + eol + eol + payload;
    const preview = text.length > 300 ? `${text.slice(0, 300)}… (${text.length} bytes)` : text;
    return { method: verb, bytes: Buffer.from(text, 'latin1'), [fc.toStringMethod]: () => JSON.stringify(preview) };
  });
