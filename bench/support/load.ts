import autocannon from 'autocannon';

export interface PreparedRequest {
  body: string | Buffer;
  headers: Record<string, string>;
}

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
}

/**
 * The one load generator every figure uses: autocannon over loopback, `connections` in flight, for a
 * bounded time. Bodies are built (and signed) before the clock starts, so the generator spends its core on
 * HTTP, not on HMACs — the ceiling and the help desk are driven identically.
 */
export async function drive(url: string, options: { connections: number; seconds: number; requests: PreparedRequest[]; method?: 'GET' | 'POST' }): Promise<LoadResult> {
  let next = 0;
  const method = options.method ?? 'POST';
  const result = await autocannon({
    url,
    connections: options.connections,
    duration: options.seconds,
    method,
    requests: [
      {
        setupRequest: (request) => {
          const prepared = options.requests[next++ % options.requests.length]!;
          return { ...request, method, headers: prepared.headers, ...(method === 'POST' ? { body: prepared.body } : {}) };
        },
      },
    ],
  });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.non2xx + result.timeouts,
  };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
