import { request } from 'node:http';

/**
 * Widget sessions for many visitors. Session creation is rate-limited per address, as it should be, so
 * the bench's visitors come from many loopback addresses (127.0.0.2 …), like visitors behind their own IPs.
 */
export async function visitorTokens(baseUrl: string, count: number, perAddress = 40): Promise<string[]> {
  const url = new URL('/api/widget/sessions', baseUrl);
  const one = (localAddress: string) =>
    new Promise<string>((resolve, reject) => {
      const req = request(
        { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', localAddress, headers: { 'content-type': 'application/json' } },
        (response) => {
          let body = '';
          response.on('data', (chunk) => (body += chunk));
          response.on('end', () => {
            const token = (JSON.parse(body) as { visitorToken?: string }).visitorToken;
            if (token) resolve(token);
            else reject(new Error(`no visitor session from ${localAddress}: ${response.statusCode} ${body}`));
          });
        },
      );
      req.on('error', reject);
      req.end('{}');
    });
  const tokens: string[] = [];
  for (let start = 0; start < count; start += perAddress) {
    const address = `127.0.0.${2 + start / perAddress}`;
    tokens.push(...(await Promise.all(Array.from({ length: Math.min(perAddress, count - start) }, () => one(address)))));
  }
  return tokens;
}
