import fc from 'fast-check';

/*
 * The strings, numbers and keys an attacker or a broken client sends. Hosts in URLs are IP literals or
 * names listed in OUTBOUND_ALLOW_HOSTS only: a URL that passes validation is vetted at save time, and a
 * name would be looked up in DNS, which these tests must never reach.
 */

const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));

/** Strings that mean something to some layer: numbers in disguise, injection probes, invalid Unicode. */
export const trickyStrings = [
  '',
  ' ',
  '\t\n',
  '\u0000',
  'a\u0000b',
  '\ud83d',
  '\ude00x',
  'x\ud800',
  '\udfff\ud800',
  '\u202eevil',
  '\u200b',
  '\ufeff',
  'null',
  'undefined',
  'true',
  'NaN',
  'Infinity',
  '-1',
  '0',
  '0x10',
  '1e3',
  '1e309',
  '9007199254740993',
  '__proto__',
  'constructor',
  'prototype',
  "' OR 1=1 --",
  '"; DROP TABLE tickets; --',
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '%00',
  '%zz',
  '%ED%A0%80',
  '${7*7}',
  '{{7*7}}',
  'javascript:alert(1)',
  'data:text/html,<b>x</b>',
  'file:///etc/passwd',
  'http://127.0.0.1:9/',
  'https://169.254.169.254/latest/meta-data',
  'https://[::1]/',
  'https://10.0.0.1/hook',
  'https://hooks.fuzz.test/hook',
  'mailto:a@b',
  'sari@example.com',
  'whatsapp',
  'open',
  'v1.e30.e30',
  'sha256=00',
  'Bearer x',
];

/** Big enough for every length limit (4,096-character messages, 300-character tokens) and the 64 KiB socket buffer. */
export const hugeString = fc
  .tuple(fc.constantFrom(321, 4097, 20_000, 70_000, 300_000), fc.constantFrom('a', 'é', '😀', '\u0000', ' ', '9'))
  .map(([length, unit]) => unit.repeat(length));

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...trickyStrings) },
  { weight: 2, arbitrary: fc.string({ maxLength: 24 }) },
  { weight: 2, arbitrary: fc.string({ unit: codeUnit, maxLength: 24 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 24 }) },
  { weight: 1, arbitrary: hugeString },
);

/** Keys for JSON objects and query strings: prototype pollution first, then anything. */
export const hostileKey: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '', ' ', 'a.b', '0', '\u0000', '\ud800', '$where') },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: codeUnit, maxLength: 8 }) },
);

/** JSON number tokens, as text: JSON.parse turns 1e309 into Infinity and 2^53+1 into 2^53. */
export const numberToken: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('0', '-0', '1', '-1', '1.5', '0.1', '1e3', '1E-7', '1e309', '-1e309', '9007199254740993', '4294967296', '2147483648', '123456789012345678901234567890'),
  fc.integer().map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((value) => JSON.stringify(value)),
);

/** Latin-1 text that node:http may put in a header value (tab, printable ASCII, 0x80–0xff). */
export const headerText: fc.Arbitrary<string> = fc.string({
  unit: fc.oneof(
    { weight: 8, arbitrary: fc.integer({ min: 0x20, max: 0x7e }) },
    { weight: 1, arbitrary: fc.integer({ min: 0x80, max: 0xff }) },
    { weight: 1, arbitrary: fc.constant(0x09) },
  ).map((code) => String.fromCharCode(code)),
  maxLength: 40,
});

/**
 * Text made safe for a request target without making it harmless: UTF-8 percent-encoded where needed,
 * with the lone surrogates (which have no UTF-8) written as the CESU-style bytes a broken client sends.
 */
export function percentEncode(text: string): string {
  let out = '';
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    const next = text.charCodeAt(index + 1);
    if (code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      out += encodeURIComponent(text.slice(index, index + 2));
      index += 1;
    } else if (code >= 0xd800 && code <= 0xdfff) {
      out += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)].map((byte) => `%${byte.toString(16).toUpperCase()}`).join('');
    } else {
      out += encodeURIComponent(text[index]!);
    }
  }
  return out;
}

/** Pieces of a request target: encoded hostile text, or raw escapes and Latin-1 bytes sent as they are. */
export const targetText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: hostileString.filter((text) => text.length < 5000).map(percentEncode) },
  {
    weight: 2,
    arbitrary: fc.constantFrom('%', '%zz', '%2', '%00', '%C0%AE', '%c0%ae%c0%ae', '%FF%FE', '%ED%A0%80', '%E2%80%AE', '%252e%252e', '%2e%2e', '%2F', '%5C', '..', '.', '~', '*', '$', '!', "'", 'é', '\u00ff', ';', ',', '@', ':', '[', ']', '+', '%20', '%0d%0aSet-Cookie:%20x=1'),
  },
  { weight: 1, arbitrary: fc.constantFrom(2100, 9000).map((length) => 'a'.repeat(length)) },
);
