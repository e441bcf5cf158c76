import { serializePayload, signatureHeader, wa, waInbound } from '@keluh/channels/meta-sim';
import { percentile } from './server.ts';

export const BENCH_WHATSAPP = {
  WHATSAPP_APP_SECRET: 'bench-whatsapp-secret',
  WHATSAPP_VERIFY_TOKEN: 'bench-verify',
  WHATSAPP_ACCESS_TOKEN: 'bench-whatsapp-token',
  WHATSAPP_PHONE_NUMBER_ID: '118220045566779',
  GRAPH_API_BASE_URL: 'http://127.0.0.1:9',
  // Mark-as-read calls go to the discard port on loopback: listed, so the guard lets them fail there as before.
  OUTBOUND_ALLOW_HOSTS: '127.0.0.1:9',
};

const business = { wabaId: '498712345600011', phoneNumberId: BENCH_WHATSAPP.WHATSAPP_PHONE_NUMBER_ID, displayPhoneNumber: '6281100020003' };

/**
 * Signed WhatsApp webhook POSTs, as Meta sends them, through the real route: signature check over raw
 * bytes, parse, one transaction, 200. `batch` messages per POST, `concurrency` POSTs in flight.
 */
export async function whatsappWebhookFigures(url: string, options: { posts: number; batch: number; concurrency: number }) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < options.posts) {
      const post = next++;
      const customer = { name: `Pelanggan ${post % 50}`, waId: `62812${String(post % 50).padStart(7, '0')}` };
      const specs = Array.from({ length: options.batch }, (_, n) => wa.text(`Paket ${post}-${n} belum sampai`));
      const body = serializePayload(waInbound(business, customer, specs));
      const sentAt = performance.now();
      const response = await fetch(`${url}/webhooks/whatsapp`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-hub-signature-256': signatureHeader(body, BENCH_WHATSAPP.WHATSAPP_APP_SECRET) },
        body,
      });
      if (response.status !== 200) throw new Error(`webhook answered ${response.status}`);
      latencies.push(performance.now() - sentAt);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    posts: latencies.length,
    messagesPerSecond: Math.round((latencies.length * options.batch) / seconds),
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}
