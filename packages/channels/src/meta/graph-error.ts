/** The Graph API error envelope (channels.md §2.9, §3.8), reduced to what our decisions depend on. */
export interface GraphError {
  httpStatus: number;
  code: number | null;
  subcode: number | null;
  message: string;
  details: string | null;
}

export function parseGraphError(httpStatus: number, body: unknown): GraphError {
  const error = (body as { error?: Record<string, unknown> } | null)?.error;
  const data = error?.error_data as { details?: unknown } | undefined;
  return {
    httpStatus,
    code: typeof error?.code === 'number' ? error.code : null,
    subcode: typeof error?.error_subcode === 'number' ? error.error_subcode : null,
    message: typeof error?.message === 'string' ? error.message : `Graph API answered HTTP ${httpStatus}`,
    details: typeof data?.details === 'string' ? data.details : null,
  };
}

/** Unix seconds (WhatsApp, as a string) or milliseconds (Instagram) to an ISO instant. */
export function instantFromUnix(value: unknown, unit: 'seconds' | 'milliseconds'): string | null {
  const number = typeof value === 'string' ? Number(value) : typeof value === 'number' ? value : NaN;
  if (!Number.isFinite(number) || number <= 0) return null;
  const instant = new Date(unit === 'seconds' ? number * 1000 : number);
  // Past 8.64e15 ms (year 275760) a Date is invalid and toISOString throws: no message was sent then.
  return Number.isNaN(instant.getTime()) ? null : instant.toISOString();
}
