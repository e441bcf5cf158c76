import { graphError, objectNotFound } from './graph-errors.ts';
import { checkToken, injectedError, isRecord, parseJsonBody, peekRecipient, takeInjected } from './graph.common.ts';
import type { SimRequest, SimResponse } from './http.router.ts';
import { newIgMid } from './ids.ts';
import type { IgAccount } from './knobs.ts';
import type { SimCore } from './sim.core.ts';
import type { SentMessage, SentOption } from './state.ts';
import type { InstagramEchoEmitter } from './status.emitter.ts';
import { checkInstagramQuickReplies } from './choices.rules.ts';
import { instagramWindow } from './window.rules.ts';

/**
 * Instagram Send API and user profile (§3.6–3.9), for both integration paths (§3.1): the account may
 * be addressed by IG id, by the linked Page id, or as `me`; the token may be a bearer header or an
 * `access_token` query parameter.
 */

const MESSAGING_TYPES = new Set(['RESPONSE', 'UPDATE', 'MESSAGE_TAG']);
const SENDER_ACTIONS = new Set(['react', 'unreact', 'typing_on', 'typing_off', 'mark_seen']);
const ATTACHMENT_TYPES = new Set(['image', 'audio', 'video', 'file', 'like_heart', 'MEDIA_SHARE']);

const invalid = (details: string, subcode?: number) =>
  graphError('instagram', { code: 100, message: `(#100) ${details}`, ...(subcode !== undefined && { subcode }) });

export class InstagramGraphRoutes {
  constructor(
    private readonly core: SimCore,
    private readonly echoes: InstagramEchoEmitter,
  ) {}

  async messages(request: SimRequest, account: IgAccount): Promise<SimResponse> {
    const knobs = this.core.knobs.instagram;
    checkToken('instagram', request, knobs.accessToken, knobs.tokenExpired);
    const injected = takeInjected(knobs.failNext, peekRecipient(request));
    if (injected) throw injectedError('instagram', injected);
    const body = parseJsonBody('instagram', request);
    // §3.9: 300 sends/s per account → 613.
    if (knobs.sendsPerSecond !== null && !this.core.limits.igSends.tryTake(account.igId, knobs.sendsPerSecond)) {
      throw graphError('instagram', { code: 613 });
    }
    const igsid = isRecord(body.recipient) && typeof body.recipient.id === 'string' ? body.recipient.id : undefined;
    if (!igsid) throw invalid('param recipient must be non-empty.');
    // §3.8: 551 "person not available" (blocked us, deactivated); subcode pairing is [O].
    if (knobs.unavailableUsers.includes(igsid)) throw graphError('instagram', { code: 551, subcode: 1545041 });
    const { kind, message, text, quickReplies } = this.checkBody(body);

    const decision = instagramWindow(knobs, igsid, this.core.now(), {
      humanAgentApproved: knobs.humanAgentApproved,
      ...(typeof body.tag === 'string' && { tag: body.tag }),
    });
    if (!decision.allowed) {
      // §3.8 / §8.7: code 10 with a configurable subcode; HTTP 400 per field reports.
      throw graphError('instagram', {
        code: 10,
        subcode: knobs.windowErrorSubcode,
        message:
          decision.reason === 'human_agent_expired'
            ? '(#10) This message is sent outside of allowed window. The HUMAN_AGENT tag allows 7 days after the last user message.'
            : '(#10) This message is sent outside of allowed window.',
      });
    }
    if (kind === 'sender_action') {
      this.core.log(`[instagram] ← ${String(body.sender_action)} for ${igsid}`);
      return { status: 200, body: { recipient_id: igsid } };
    }
    const sent = this.record(account, igsid, body, message, text, decision.via, quickReplies);
    await this.echoes.afterAccepted(sent, message);
    return { status: 200, body: { recipient_id: igsid, message_id: sent.id } };
  }

  private checkBody(body: Record<string, unknown>): { kind: 'message' | 'sender_action'; message: Record<string, unknown>; text?: string; quickReplies?: SentOption[] } {
    const knobs = this.core.knobs.instagram;
    if (body.messaging_type !== undefined && !MESSAGING_TYPES.has(String(body.messaging_type))) {
      throw invalid(`param messaging_type must be one of {${[...MESSAGING_TYPES].join(', ')}}.`);
    }
    if (body.tag !== undefined) {
      // §3.6: the other tags are not available on Instagram and answer 100 (from 27 Apr 2026 everywhere).
      if (body.tag !== 'HUMAN_AGENT') throw invalid(`Tag ${String(body.tag)} is not supported for Instagram messaging.`);
      if (knobs.requireMessagingTypeWithTag && body.messaging_type !== 'MESSAGE_TAG') {
        throw invalid('param messaging_type must be MESSAGE_TAG when a tag is used.');
      }
    }
    if (typeof body.sender_action === 'string') {
      if (!SENDER_ACTIONS.has(body.sender_action)) throw invalid('param sender_action is not valid.');
      if (body.sender_action === 'react' && !(isRecord(body.payload) && typeof body.payload.message_id === 'string')) {
        throw invalid('param payload[message_id] must be non-empty.');
      }
      return { kind: 'sender_action', message: {} };
    }
    const message = body.message;
    if (!isRecord(message)) throw invalid('param message must be non-empty.');
    if (typeof message.text === 'string') {
      // §3.6: ≤ 1000 bytes of UTF-8, not characters; the over-length code is [U].
      if (message.text.length === 0) throw invalid('param message[text] must be non-empty.');
      if (Buffer.byteLength(message.text, 'utf8') > knobs.textMaxBytes) {
        throw invalid(`Length of param message[text] must be less than or equal to ${knobs.textMaxBytes}`);
      }
      const quickReplies = checkInstagramQuickReplies(message.quick_replies);
      return { kind: 'message', message, text: message.text, ...(quickReplies && { quickReplies }) };
    }
    const attachments = Array.isArray(message.attachments) ? message.attachments : isRecord(message.attachment) ? [message.attachment] : [];
    if (attachments.length === 0) throw invalid('param message must contain text or an attachment.');
    if (attachments.length > 10) throw invalid('At most 10 attachments can be sent in one message.');
    for (const a of attachments) {
      if (!isRecord(a) || !ATTACHMENT_TYPES.has(String(a.type))) throw invalid('param message[attachment][type] is not valid.');
    }
    return { kind: 'message', message };
  }

  /** §3.7: only the requested fields; `name`/`profile_pic` may be null; blocked users error. */
  profile(request: SimRequest, igsid: string): SimResponse {
    const knobs = this.core.knobs.instagram;
    checkToken('instagram', request, knobs.accessToken, knobs.tokenExpired);
    const profile = knobs.profiles[igsid];
    if (!profile || profile.blocked) throw objectNotFound('instagram', igsid, 'GET');
    const fields = (request.query.get('fields') ?? 'name,username,profile_pic').split(',').map((f) => f.trim());
    const { blocked: _blocked, ...visible } = profile;
    const out: Record<string, unknown> = {};
    for (const field of fields) if (field in visible) out[field] = visible[field as keyof typeof visible];
    out.id = igsid;
    return { status: 200, body: out };
  }

  private record(
    account: IgAccount,
    igsid: string,
    body: Record<string, unknown>,
    message: Record<string, unknown>,
    text: string | undefined,
    window: 'standard' | 'human_agent',
    quickReplies: SentOption[] | undefined,
  ): SentMessage {
    const attachment = isRecord(message.attachment) ? message.attachment : undefined;
    const sent: SentMessage = {
      channel: 'instagram',
      id: newIgMid(account.igId),
      from: account.igId,
      input: igsid,
      recipient: igsid,
      type: text !== undefined ? 'text' : String(attachment?.type ?? 'attachments'),
      ...(text !== undefined && { text }),
      ...(quickReplies && { choices: { form: 'quick_replies' as const, options: quickReplies } }),
      window,
      request: body,
      acceptedAt: this.core.now(),
      statuses: [],
    };
    this.core.state.sent.push(sent);
    this.core.log(`[instagram] ← send ${sent.type} to ${igsid}${text ? `: ${text}` : ''}${window === 'human_agent' ? ' (HUMAN_AGENT)' : ''}`);
    return sent;
  }
}
