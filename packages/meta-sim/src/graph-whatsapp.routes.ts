import { graphError } from './graph-errors.ts';
import { checkToken, injectedError, parseJsonBody, peekRecipient, takeInjected } from './graph.common.ts';
import type { SimRequest, SimResponse } from './http.router.ts';
import { newWamid } from './ids.ts';
import type { WaPhoneNumber } from './knobs.ts';
import { parseMultipart } from './multipart.ts';
import type { SimCore } from './sim.core.ts';
import type { SentMessage } from './state.ts';
import type { WhatsAppStatusEmitter } from './status.emitter.ts';
import { isWindowOpen } from './window.rules.ts';
import { planWhatsAppSend, type WaSendPlan } from './whatsapp.send.rules.ts';

/**
 * WhatsApp Cloud API calls on a business phone number id (§2.6, §2.7, §2.9–2.11):
 * `POST /{v}/{pnid}/messages` (send or mark-as-read) and `POST /{v}/{pnid}/media` (upload).
 * Check order mirrors Graph: token → scripted failure → body → recipient → throughput → window → pair.
 */
export class WhatsAppGraphRoutes {
  constructor(
    private readonly core: SimCore,
    private readonly statuses: WhatsAppStatusEmitter,
  ) {}

  async messages(request: SimRequest, phone: WaPhoneNumber): Promise<SimResponse> {
    const knobs = this.core.knobs.whatsapp;
    checkToken('whatsapp', request, knobs.accessToken, knobs.tokenExpired);
    const injected = takeInjected(knobs.failNext, peekRecipient(request));
    if (injected) throw injectedError('whatsapp', injected);
    const body = parseJsonBody('whatsapp', request);
    if (body.status === 'read') return this.markRead(body);

    const plan = planWhatsAppSend(body, knobs, phone, this.core.media);
    const recipientError = knobs.recipientErrors[plan.recipient];
    if (recipientError?.mode === 'sync') {
      throw graphError('whatsapp', { code: recipientError.code, ...(recipientError.details && { details: recipientError.details }) });
    }
    let asyncErrorCode: number | undefined;
    const { throughputPerSecond, pair, throughputVia } = knobs.rateLimit;
    if (throughputPerSecond !== null && !this.core.limits.waNumber.tryTake(phone.phoneNumberId, throughputPerSecond)) {
      // §2.9: 130429 may come back synchronously and/or via webhooks (case 42).
      if (throughputVia === 'sync') throw graphError('whatsapp', { code: 130429, details: 'Too many messages were sent from this number in a short time.' });
      asyncErrorCode = 130429;
    }
    if (plan.requiresWindow && !this.windowOpen(plan)) {
      // §2.11: mode A answers 200 and reports 131047 in a failed status; mode B answers 400.
      if (knobs.windowMode === 'sync') {
        throw graphError('whatsapp', { code: 131047, details: 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.' });
      }
      asyncErrorCode ??= 131047;
    }
    if (pair !== null && !this.core.limits.waPair.tryTake(`${phone.phoneNumberId}:${plan.recipient}`, pair.burst, pair.refillEveryMs)) {
      throw graphError('whatsapp', { code: 131056, details: 'Too many messages sent to this user from this number in a short time.' });
    }
    if (recipientError) asyncErrorCode ??= recipientError.code;

    const sent = this.record(plan, phone, body, asyncErrorCode);
    await this.statuses.afterAccepted(sent);
    // §2.6 success shape; a BSUID send answers `user_id` instead of `wa_id` (§2.3.8).
    const contact = plan.isBsuid ? { input: plan.input, user_id: plan.recipient } : { input: plan.input, wa_id: plan.recipient };
    return { status: 200, body: { messaging_product: 'whatsapp', contacts: [contact], messages: [{ id: sent.id }] } };
  }

  /** §2.6 mark-as-read (+ optional typing indicator) answers `{ success: true }`. */
  private markRead(body: Record<string, unknown>): SimResponse {
    if (body.messaging_product !== 'whatsapp') throw graphError('whatsapp', { code: 100, details: 'The parameter messaging_product is required.' });
    if (typeof body.message_id !== 'string') throw graphError('whatsapp', { code: 131008, details: "Parameter 'message_id' is required." });
    this.core.state.reads.push({ messageId: body.message_id, typingIndicator: body.typing_indicator !== undefined, at: this.core.now() });
    return { status: 200, body: { success: true } };
  }

  /** §2.6: multipart upload (`file`, `type`, `messaging_product`) → `{ id }`; ids live 30 days. */
  upload(request: SimRequest): SimResponse {
    const knobs = this.core.knobs.whatsapp;
    checkToken('whatsapp', request, knobs.accessToken, knobs.tokenExpired);
    const parts = parseMultipart(request.body, request.headers['content-type']);
    const file = parts?.find((p) => p.name === 'file');
    const product = parts?.find((p) => p.name === 'messaging_product')?.data.toString('utf8');
    if (!file || product !== 'whatsapp') throw graphError('whatsapp', { code: 131008, details: "Parameters 'file' and 'messaging_product' are required." });
    const mimeType = parts?.find((p) => p.name === 'type')?.data.toString('utf8') ?? file.contentType ?? 'application/octet-stream';
    const id = this.core.media.add(file.data, mimeType, { origin: 'upload', ...(file.filename !== undefined && { filename: file.filename }) });
    this.core.state.uploads.push({ id, mimeType, size: file.data.length, at: this.core.now() });
    return { status: 200, body: { id } };
  }

  /** The window belongs to the person: check the BSUID and the phone number it maps to (§2.3.8). */
  private windowOpen(plan: WaSendPlan): boolean {
    const knobs = this.core.knobs.whatsapp;
    const now = this.core.now();
    const keys = [plan.recipient];
    if (plan.isBsuid) {
      const phone = knobs.bsuids[plan.recipient];
      if (phone) keys.push(phone);
    } else {
      for (const [bsuid, phone] of Object.entries(knobs.bsuids)) if (phone === plan.recipient) keys.push(bsuid);
    }
    return keys.some((key) => isWindowOpen(knobs, key, now));
  }

  private record(plan: WaSendPlan, phone: WaPhoneNumber, body: Record<string, unknown>, asyncErrorCode: number | undefined): SentMessage {
    const sent: SentMessage = {
      channel: 'whatsapp',
      id: newWamid(plan.isBsuid ? '0' : plan.recipient),
      from: phone.phoneNumberId,
      input: plan.input,
      recipient: plan.recipient,
      type: plan.type,
      ...(plan.text !== undefined && { text: plan.text }),
      ...(plan.templateName !== undefined && { templateName: plan.templateName }),
      ...(plan.choices !== undefined && { choices: plan.choices }),
      ...(plan.bizOpaqueCallbackData !== undefined && { bizOpaqueCallbackData: plan.bizOpaqueCallbackData }),
      ...(asyncErrorCode !== undefined && { asyncErrorCode }),
      request: body,
      acceptedAt: this.core.now(),
      statuses: [],
    };
    this.core.state.sent.push(sent);
    this.core.log(`[whatsapp] ← send ${plan.type} to ${plan.input}${plan.text ? `: ${plan.text}` : ''}${asyncErrorCode ? ` (will fail ${asyncErrorCode})` : ''}`);
    return sent;
  }
}
