import { graphError } from './graph-errors.ts';
import { isRecord } from './graph.common.ts';
import type { WaPhoneNumber, WaTemplate, WhatsAppKnobs } from './knobs.ts';
import type { MediaStore } from './media.store.ts';
import type { SentMessage } from './state.ts';
import { checkWhatsAppInteractive } from './choices.rules.ts';

/**
 * Validation of a `POST /{phone-number-id}/messages` body (§2.6), answering the codes of §2.9:
 * 131008 missing parameter, 100 invalid parameter, 132000/132001 template problems, 131062 BSUID
 * recipient not supported. Pure apart from reading the media store.
 */

export interface WaSendPlan {
  /** `to` (or `recipient`) exactly as the caller wrote it; echoed as `contacts[].input`. */
  input: string;
  /** wa_id digits, or the BSUID. */
  recipient: string;
  isBsuid: boolean;
  type: string;
  text?: string;
  templateName?: string;
  choices?: SentMessage['choices'];
  bizOpaqueCallbackData?: string;
  /** §2.8: everything except templates needs an open customer-service window. */
  requiresWindow: boolean;
}

const MEDIA_TYPES = new Set(['image', 'audio', 'video', 'document', 'sticker']);
const TYPES = new Set([...MEDIA_TYPES, 'text', 'location', 'contacts', 'interactive', 'template', 'reaction']);
const BSUID = /^[A-Z]{2}\.[A-Za-z0-9]{1,128}$/;

const missing = (details: string) => graphError('whatsapp', { code: 131008, details });
const invalid = (details: string) => graphError('whatsapp', { code: 100, message: `(#100) ${details}`, details });

export function planWhatsAppSend(body: Record<string, unknown>, knobs: WhatsAppKnobs, phone: WaPhoneNumber, media: MediaStore): WaSendPlan {
  if (body.messaging_product !== 'whatsapp') throw invalid('The parameter messaging_product is required.');
  const { input, recipient, isBsuid } = resolveRecipient(body, knobs, phone);
  const type = typeof body.type === 'string' ? body.type : 'text';
  if (!TYPES.has(type)) throw invalid(`Param type must be one of {${[...TYPES].join(', ')}} - got "${type}".`);
  const content = body[type];
  if (!isRecord(content)) throw missing(`Parameter '${type}' is required.`);
  const opaque = body.biz_opaque_callback_data;
  // §2.6: the maximum was raised from 256 to 512 characters.
  if (opaque !== undefined && (typeof opaque !== 'string' || opaque.length > 512)) {
    throw invalid('Param biz_opaque_callback_data must be at most 512 characters long.');
  }
  const plan: WaSendPlan = {
    input,
    recipient,
    isBsuid,
    type,
    requiresWindow: type !== 'template',
    ...(typeof opaque === 'string' && { bizOpaqueCallbackData: opaque }),
  };
  if (type === 'text') plan.text = checkText(content, knobs);
  if (MEDIA_TYPES.has(type)) checkMedia(type, content, media);
  if (type === 'template') {
    plan.templateName = checkTemplate(content, knobs, isBsuid);
    const buttons = templateQuickReplies(content, knobs.templates.find((t) => t.name === plan.templateName));
    if (buttons.length > 0) plan.choices = { form: 'template_buttons', options: buttons };
  }
  if (type === 'interactive') {
    if (typeof content.type !== 'string') throw missing("Parameter 'interactive.type' is required.");
    const interactive = checkWhatsAppInteractive(content);
    if (interactive) {
      plan.text = interactive.body;
      plan.choices = { form: interactive.form, options: interactive.options };
    }
  }
  if (type === 'reaction') {
    if (typeof content.message_id !== 'string') throw missing("Parameter 'reaction.message_id' is required.");
    // §2.6 contextual-reply limits: a reaction cannot be a contextual reply.
    if (body.context !== undefined) throw invalid('A reaction message cannot be sent as a contextual reply.');
  }
  return plan;
}

/**
 * §2.6: `to` wins over `recipient`. Without a leading `+`, Meta prepends our own number's country
 * code — so `6281234567890` from an Indonesian number becomes `626281234567890` (misdelivery).
 */
function resolveRecipient(body: Record<string, unknown>, knobs: WhatsAppKnobs, phone: WaPhoneNumber) {
  if (typeof body.to === 'string' && body.to.length > 0) {
    const cleaned = body.to.replace(/[\s\-()]/g, '');
    const hasPlus = cleaned.startsWith('+');
    const digits = hasPlus ? cleaned.slice(1) : cleaned;
    if (!/^\d{5,15}$/.test(digits)) throw invalid(`Param to is not a valid phone number: "${body.to}".`);
    const waId = hasPlus || !knobs.prependCountryCodeWithoutPlus ? digits : `${phone.countryCode}${digits}`;
    return { input: body.to, recipient: waId, isBsuid: false };
  }
  if (typeof body.recipient === 'string' && body.recipient.length > 0) {
    if (!BSUID.test(body.recipient)) throw invalid(`Param recipient is not a valid business-scoped user id: "${body.recipient}".`);
    return { input: body.recipient, recipient: body.recipient, isBsuid: true };
  }
  throw missing("Parameter 'to' is required.");
}

function checkText(content: Record<string, unknown>, knobs: WhatsAppKnobs): string {
  const text = content.body;
  if (typeof text !== 'string' || text.length === 0) throw missing("Parameter 'text.body' is required.");
  // §2.10 / §8.12 [U]: 4096 characters; counted in code points so an emoji counts once.
  if ([...text].length > knobs.textMaxLength) {
    throw invalid(`Param text['body'] must be at most ${knobs.textMaxLength} characters long.`);
  }
  return text;
}

function checkMedia(type: string, content: Record<string, unknown>, media: MediaStore): void {
  if (typeof content.id === 'string') {
    if (!media.get(content.id)) throw invalid(`Param ${type}['id'] is not a valid media id: ${content.id}.`);
    return;
  }
  if (typeof content.link === 'string') {
    if (!/^https?:\/\//.test(content.link)) throw invalid(`Param ${type}['link'] must be an http(s) URL.`);
    return;
  }
  throw missing(`Parameter '${type}.id' or '${type}.link' is required.`);
}

/**
 * §2.6 / §9: the payloads a template's quick-reply buttons carry this time, titled with the button text
 * the template was approved with (the payload when the knob names none). A tap answers `type: button`.
 */
function templateQuickReplies(content: Record<string, unknown>, template: WaTemplate | undefined): { id: string; title: string }[] {
  const components = Array.isArray(content.components) ? content.components.filter(isRecord) : [];
  return components
    .filter((c) => c.type === 'button' && c.sub_type === 'quick_reply')
    .flatMap((c) => {
      const parameter = Array.isArray(c.parameters) ? c.parameters.find(isRecord) : undefined;
      const payload = parameter?.payload;
      if (typeof payload !== 'string' || payload.length === 0) return [];
      return [{ id: payload, title: template?.quickReplies?.[Number(c.index)] ?? payload }];
    });
}

function checkTemplate(content: Record<string, unknown>, knobs: WhatsAppKnobs, isBsuid: boolean): string {
  const name = content.name;
  const language = isRecord(content.language) ? content.language.code : undefined;
  if (typeof name !== 'string') throw missing("Parameter 'template.name' is required.");
  if (typeof language !== 'string') throw missing("Parameter 'template.language.code' is required.");
  const template = knobs.templates.find((t) => t.name === name);
  if (!template || !template.languages.includes(language)) {
    throw graphError('whatsapp', { code: 132001, details: `template name (${name}) does not exist in ${language}` });
  }
  if (isBsuid && template.rejectsBsuid) throw graphError('whatsapp', { code: 131062 });
  if (template.bodyParameterCount !== undefined) {
    const components = Array.isArray(content.components) ? content.components.filter(isRecord) : [];
    const bodyComponent = components.find((c) => c.type === 'body');
    const given = Array.isArray(bodyComponent?.parameters) ? bodyComponent.parameters.length : 0;
    if (given !== template.bodyParameterCount) {
      throw graphError('whatsapp', {
        code: 132000,
        details: `body: number of localizable_params (${given}) does not match the expected number of params (${template.bodyParameterCount})`,
      });
    }
  }
  return name;
}
