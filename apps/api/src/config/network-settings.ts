import { z } from 'zod';

/*
 * Settings about who stands in front of the server and who may talk to it from a browser. Parsed here so
 * config.ts stays a flat list; each becomes a ready value (Fastify's trustProxy, normalised origins).
 */

const listOf = (value: string) =>
  value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');

/**
 * Which proxies are believed. `0` (default) none; a hop count n: the n nearest hops (`1`: one reverse
 * proxy — the client's own X-Forwarded-For entries stay ignored); `true` every hop (the left-most entry,
 * which the client writes, wins: avoid); otherwise the proxies' addresses or CIDRs (or proxy-addr's
 * names loopback, linklocal, uniquelocal), the safest form since the immediate peer is checked too.
 */
export const trustProxySchema = z
  .string()
  .trim()
  .default('0')
  .transform((value, context): boolean | number | string[] => {
    if (value === '' || value === '0' || value === 'false') return false;
    if (value === 'true') return true;
    if (/^\d+$/.test(value)) return Number(value);
    const entries = listOf(value);
    const bad = entries.find((entry) => !/^(loopback|linklocal|uniquelocal|[0-9a-fA-F.:]+(\/\d{1,3})?)$/.test(entry));
    if (bad) context.addIssue({ code: 'custom', message: `not a hop count, address, CIDR or proxy-addr name: ${bad}` });
    return entries;
  });

/** `https://a.example, http://localhost:5173` → normalised origins; anything with a path is refused. */
function originsFrom(value: string, context: z.RefinementCtx): string[] {
  const origins: string[] = [];
  for (const entry of listOf(value)) {
    let url: URL | null = null;
    try {
      url = new URL(entry);
    } catch {
      // Reported below.
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || entry.replace(/\/$/, '') !== url.origin) {
      context.addIssue({ code: 'custom', message: `not an origin like https://desk.example: ${entry}` });
      continue;
    }
    origins.push(url.origin);
  }
  return origins;
}

export const originListSchema = z.string().default('').transform(originsFrom);

/** `*` (default): the widget may be embedded and its socket opened from any site; or a list of origins. */
export const widgetOriginsSchema = z
  .string()
  .trim()
  .default('*')
  .transform((value, context): '*' | string[] => (value === '*' ? '*' : originsFrom(value, context)));

export type TrustProxySetting = z.infer<typeof trustProxySchema>;

/**
 * Fastify's trustProxy option. Fastify 5 refuses a bare hop count (it cannot check the immediate peer),
 * so a count becomes the equivalent function: it trusts the server to be reachable only through the
 * proxies, which is what choosing a count states.
 */
export function fastifyTrustProxy(setting: TrustProxySetting): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof setting !== 'number') return setting;
  return setting === 0 ? false : (_address, hop) => hop < setting;
}
