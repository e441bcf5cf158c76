import { serializePayload, signatureHeader, wa, waInbound } from '@keluh/meta-sim';
import type { PreparedRequest } from './load.ts';

export const BENCH_WHATSAPP = {
  WHATSAPP_APP_SECRET: 'bench-whatsapp-secret',
  WHATSAPP_VERIFY_TOKEN: 'bench-verify',
  WHATSAPP_ACCESS_TOKEN: 'bench-whatsapp-token',
  WHATSAPP_PHONE_NUMBER_ID: '118220045566779',
  // Nothing listens there: the bench never replies, and nothing may leave loopback.
  GRAPH_API_BASE_URL: 'http://127.0.0.1:9',
  // Mark-as-read calls go to the discard port on loopback: listed, so the guard lets them fail there as before.
  OUTBOUND_ALLOW_HOSTS: '127.0.0.1:9',
};

const business = { wabaId: '498712345600011', phoneNumberId: BENCH_WHATSAPP.WHATSAPP_PHONE_NUMBER_ID, displayPhoneNumber: '6281100020003' };

export interface WebhookPlan {
  posts: number;
  /** Messages per POST (Meta batches up to 1,000; §2.5). */
  batch: number;
  /** Distinct senders the messages come from. */
  customers: number;
  /** Keeps ids unique across several plans in one run. */
  tag: string;
}

/** Signed WhatsApp webhooks exactly as Meta sends them, every message id unique. */
export function whatsappWebhooks(plan: WebhookPlan): PreparedRequest[] {
  return Array.from({ length: plan.posts }, (_, post) => {
    const customer = { name: `Pelanggan ${post % plan.customers}`, waId: `62812${String(post % plan.customers).padStart(7, '0')}` };
    const specs = Array.from({ length: plan.batch }, (_, n) => wa.text(`Paket ${plan.tag}-${post}-${n} belum sampai`, { id: `wamid.${plan.tag}.${post}.${n}` }));
    const body = serializePayload(waInbound(business, customer, specs));
    return { body, headers: { 'content-type': 'application/json', 'x-hub-signature-256': signatureHeader(body, BENCH_WHATSAPP.WHATSAPP_APP_SECRET) } };
  });
}
