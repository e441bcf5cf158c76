import type { MetaSim } from './meta-sim.ts';

/** Small Graph client for the sim's own tests: what an adapter would send, minus the adapter. */

export interface GraphAnswer {
  status: number;
  body: Record<string, unknown>;
  error: { message: string; type: string; code: number; error_subcode?: number; error_data?: { messaging_product: string; details: string }; fbtrace_id: string } | undefined;
}

export async function graphCall(sim: MetaSim, method: string, path: string, options: { token?: string | null; body?: unknown } = {}): Promise<GraphAnswer> {
  const token = options.token === undefined ? sim.knobs.whatsapp.accessToken : options.token;
  const response = await fetch(`${sim.url}${path}`, {
    method,
    headers: {
      ...(token !== null && { authorization: `Bearer ${token}` }),
      ...(options.body !== undefined && { 'content-type': 'application/json' }),
    },
    ...(options.body !== undefined && { body: JSON.stringify(options.body) }),
  });
  const body = (await response.json()) as Record<string, unknown>;
  return { status: response.status, body, error: body.error as GraphAnswer['error'] };
}

export const PNID = '118220045566779';
export const IG_ID = '17841400123456789';
export const RINA = '6281234567890';
export const DEWI = '1122334455667788';

export function waSend(sim: MetaSim, body: Record<string, unknown>, token?: string | null): Promise<GraphAnswer> {
  return graphCall(sim, 'POST', `/v23.0/${PNID}/messages`, { body: { messaging_product: 'whatsapp', ...body }, ...(token !== undefined && { token }) });
}

export function waText(sim: MetaSim, to: string, text: string, extra: Record<string, unknown> = {}): Promise<GraphAnswer> {
  return waSend(sim, { recipient_type: 'individual', to, type: 'text', text: { body: text }, ...extra });
}

export function igSend(sim: MetaSim, body: Record<string, unknown>, options: { path?: string; token?: string | null } = {}): Promise<GraphAnswer> {
  return graphCall(sim, 'POST', options.path ?? `/v25.0/${IG_ID}/messages`, {
    body,
    token: options.token === undefined ? sim.knobs.instagram.accessToken : options.token,
  });
}
