import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMetaSim } from './meta-sim.ts';
import { startTestReceiver, type TestReceiver } from './receiver.testkit.ts';
import { PNID, RINA, waSend } from './testing.helpers.ts';

/** §9: interactive lists and reply buttons as Meta checks them, and the customer's tap as Meta reports it. */
const sim = createMetaSim();
let receiver: TestReceiver;
beforeAll(async () => {
  await sim.start();
  receiver = await startTestReceiver({ secret: sim.knobs.whatsapp.appSecret });
});
afterAll(async () => {
  await sim.stop();
  await receiver.close();
});
beforeEach(() => {
  sim.reset();
  sim.knobs.whatsapp.webhookUrl = receiver.url;
  sim.whatsapp.customerWrote(RINA);
});

const rows = (count: number, title = (i: number) => `${i} bintang`) => Array.from({ length: count }, (_, i) => ({ id: `rate:12:${i + 1}`, title: title(i + 1) }));
const list = (sectionRows: unknown[], extra: Record<string, unknown> = {}) => ({
  to: `+${RINA}`, type: 'interactive',
  interactive: { type: 'list', body: { text: 'Seberapa puas Kakak?' }, action: { button: 'Beri nilai', sections: [{ rows: sectionRows }] }, ...extra },
});
const buttons = (replies: { id: string; title: string }[]) => ({
  to: `+${RINA}`, type: 'interactive',
  interactive: { type: 'button', body: { text: 'Boleh kami tampilkan ulasan Kakak?' }, action: { buttons: replies.map((reply) => ({ type: 'reply', reply })) } },
});
const yesNo = [{ id: 'consent:12:yes', title: 'Boleh' }, { id: 'consent:12:no', title: 'Jangan' }];

/** Lets the send's own status webhooks go by first, so the one request left is the tap. */
async function tapAndReceive(tap: () => Promise<unknown>): Promise<Record<string, unknown>> {
  await sim.settle();
  receiver.requests.length = 0;
  await tap();
  const [request] = await receiver.waitFor(1);
  expect(request?.signatureValid).toBe(true);
  return request!.json as Record<string, unknown>;
}

describe('WhatsApp structured sends, checked as Meta checks them (channels.md §9)', () => {
  it('a five-row list is accepted and recorded with its form and options', async () => {
    const answer = await waSend(sim, list(rows(5)));
    expect(answer.status).toBe(200);
    expect(sim.state.sent.at(-1)).toMatchObject({ type: 'interactive', text: 'Seberapa puas Kakak?', choices: { form: 'list', options: rows(5) } });
  });

  it.each([
    ['eleven rows', list(rows(11)), 131009, 'Total row count exceed max allowed count: 10.'],
    ['a row title of 25 characters', list(rows(1, () => 'x'.repeat(25))), 131009, 'Row title length invalid. Min length: 1, Max length: 24.'],
    ['a row description of 73 characters', list([{ id: 'a', title: 'A', description: 'd'.repeat(73) }]), 131009, 'sections[0].rows[0].description length invalid. Min length: 1, Max length: 72.'],
    ['a list button of 21 characters', { ...list(rows(5)), interactive: { ...list(rows(5)).interactive, action: { button: 'b'.repeat(21), sections: [{ rows: rows(5) }] } } }, 131009, 'interactive.action.button length invalid. Min length: 1, Max length: 20.'],
    ['four reply buttons', buttons([...yesNo, { id: 'c', title: 'C' }, { id: 'd', title: 'D' }]), 131009, 'Invalid buttons count. Min allowed buttons: 1, Max allowed buttons: 3.'],
    ['a button title of 21 characters', buttons([{ id: 'a', title: 'Ya, boleh ditampilkan' }]), 131009, 'Button title length invalid. Min length: 1, Max length: 20.'],
    ['two buttons with one id', buttons([yesNo[0]!, yesNo[0]!]), 131009, 'Duplicate button id. Every id must be unique.'],
    ['a button body of 1,025 characters', { ...buttons(yesNo), interactive: { ...buttons(yesNo).interactive, body: { text: 'x'.repeat(1025) } } }, 131009, 'interactive.body.text length invalid. Min length: 1, Max length: 1024.'],
    ['a list without sections', { ...list([]), interactive: { type: 'list', body: { text: 'x' }, action: { button: 'Pilih' } } }, 131008, "Parameter 'interactive.action.sections' is required."],
  ])('refuses %s with the Graph envelope, and sends nothing', async (_label, body, code, details) => {
    const answer = await waSend(sim, body);
    expect(answer.status).toBe(400);
    expect(answer.error).toMatchObject({ type: 'OAuthException', code, error_data: { messaging_product: 'whatsapp', details }, fbtrace_id: expect.any(String) });
    expect(sim.state.sent).toHaveLength(0);
  });

  it('outside the 24-hour window a list is refused as free text is (131047, in the failed status by default)', async () => {
    sim.reset();
    sim.knobs.whatsapp.windowMode = 'sync';
    const answer = await waSend(sim, list(rows(5)));
    expect(answer.error?.code).toBe(131047);
  });
});

describe('the customer tapping our question on WhatsApp', () => {
  it('a list-row tap arrives as Meta sends it: interactive list_reply, quoting our wamid from our number', async () => {
    const sent = await waSend(sim, list([{ id: 'rate:12:5', title: '⭐⭐⭐⭐⭐ Sangat puas', description: 'Semua beres' }]));
    const wamid = (sent.body.messages as { id: string }[])[0]!.id;
    const body = await tapAndReceive(() => sim.customers.whatsapp.tapOption(wamid, 'rate:12:5'));
    const change = (body.entry as { changes: { field: string; value: Record<string, unknown> }[] }[])[0]!.changes[0]!;
    expect(body.object).toBe('whatsapp_business_account');
    expect(change.field).toBe('messages');
    expect(change.value.metadata).toEqual({ display_phone_number: sim.knobs.whatsapp.phoneNumbers[0]!.displayPhoneNumber, phone_number_id: PNID });
    const [item] = change.value.messages as Record<string, unknown>[];
    expect(Object.keys(item!)).toEqual(['context', 'from', 'id', 'timestamp', 'type', 'interactive']);
    expect(item!.context).toEqual({ from: sim.knobs.whatsapp.phoneNumbers[0]!.displayPhoneNumber, id: wamid });
    expect(item!.from).toBe(RINA);
    expect(item!.id).toMatch(/^wamid\./);
    expect(item!.type).toBe('interactive');
    expect(item!.interactive).toEqual({ type: 'list_reply', list_reply: { id: 'rate:12:5', title: '⭐⭐⭐⭐⭐ Sangat puas', description: 'Semua beres' } });
  });

  it('a reply-button tap arrives as button_reply, found by a matcher over what was sent', async () => {
    await waSend(sim, buttons(yesNo));
    const body = await tapAndReceive(() => sim.customers.whatsapp.tapOption((sent) => sent.choices?.form === 'button', 'consent:12:no'));
    const item = (body.entry as { changes: { value: { messages: Record<string, unknown>[] } }[] }[])[0]!.changes[0]!.value.messages[0]!;
    expect(item.interactive).toEqual({ type: 'button_reply', button_reply: { id: 'consent:12:no', title: 'Jangan' } });
    expect(item.context).toMatchObject({ id: sim.state.sent.at(-1)!.id });
  });

  it('an option the message never offered cannot be tapped', async () => {
    const sent = await waSend(sim, buttons(yesNo));
    expect(() => sim.customers.whatsapp.tapOption((sent.body.messages as { id: string }[])[0]!.id, 'consent:12:maybe')).toThrow(/offers no option "consent:12:maybe"/);
  });

  it('a message Meta failed for the closed window never reached the phone, so it cannot be tapped', async () => {
    sim.reset();
    sim.knobs.whatsapp.webhookUrl = receiver.url;
    const sent = await waSend(sim, buttons(yesNo));
    expect(sent.status).toBe(200);
    expect(() => sim.customers.whatsapp.tapOption((sent.body.messages as { id: string }[])[0]!.id, 'consent:12:yes')).toThrow(/never delivered \(131047\)/);
  });

  it('a template quick-reply tap arrives as type button with the payload we sent and the approved text', async () => {
    sim.reset();
    sim.knobs.whatsapp.webhookUrl = receiver.url;
    const quickReply = (index: number, payload: string) => ({ type: 'button', sub_type: 'quick_reply', index: String(index), parameters: [{ type: 'payload', payload }] });
    const sent = await waSend(sim, { to: `+${RINA}`, type: 'template', template: { name: 'csat_request', language: { code: 'id' }, components: [quickReply(0, 'CSAT_YES_TKT-9'), quickReply(1, 'CSAT_NO_TKT-9')] } });
    const wamid = (sent.body.messages as { id: string }[])[0]!.id;
    expect(sim.state.sent.at(-1)?.choices).toEqual({ form: 'template_buttons', options: [{ id: 'CSAT_YES_TKT-9', title: 'Sudah selesai' }, { id: 'CSAT_NO_TKT-9', title: 'Belum selesai' }] });
    const body = await tapAndReceive(() => sim.customers.whatsapp.tapOption(wamid, 'CSAT_NO_TKT-9'));
    const item = (body.entry as { changes: { value: { messages: Record<string, unknown>[] } }[] }[])[0]!.changes[0]!.value.messages[0]!;
    expect(Object.keys(item)).toEqual(['context', 'from', 'id', 'timestamp', 'type', 'button']);
    expect(item.type).toBe('button');
    expect(item.button).toEqual({ payload: 'CSAT_NO_TKT-9', text: 'Belum selesai' });
    expect(item.context).toEqual({ from: sim.knobs.whatsapp.phoneNumbers[0]!.displayPhoneNumber, id: wamid });
  });
});
