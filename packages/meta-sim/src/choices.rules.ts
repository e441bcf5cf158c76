import { graphError } from './graph-errors.ts';
import { isRecord } from './graph.common.ts';
import type { SentOption } from './state.ts';

/**
 * What Meta checks on the structured messages of channels.md §9, answered in its own envelope: WhatsApp
 * reply buttons and lists (131008 missing, 131009 value not valid) and Instagram quick replies (100).
 * The limits are Meta's, written here on their own so the sim does not share the adapter's code (a
 * mistake in one would otherwise hide in both).
 */

const WA = {
  buttons: { max: 3, title: 20, id: 256 },
  list: { rows: 10, title: 24, description: 72, button: 20, id: 200, sectionTitle: 24 },
  body: { button: 1024, list: 4096 },
  footer: 60,
};
const IG = { max: 13, title: 20, payload: 1000 };

/** Meta counts characters; code points, as the text limit does (§8.12). */
const chars = (value: string): number => [...value].length;
const missing = (details: string) => graphError('whatsapp', { code: 131008, details });
const notValid = (details: string) => graphError('whatsapp', { code: 131009, details });

function waText(value: unknown, what: string, max: number): string {
  if (typeof value !== 'string' || value.length === 0) throw missing(`Parameter '${what}' is required.`);
  if (chars(value) > max) throw notValid(`${what} length invalid. Min length: 1, Max length: ${max}.`);
  return value;
}

export interface WaInteractivePlan {
  form: 'button' | 'list';
  body: string;
  options: SentOption[];
}

/** `interactive` of type button or list (§9); other interactive types (cta_url, flow …) pass unchecked. */
export function checkWhatsAppInteractive(content: Record<string, unknown>): WaInteractivePlan | undefined {
  if (content.type !== 'button' && content.type !== 'list') return undefined;
  const form = content.type;
  const body = waText(isRecord(content.body) ? content.body.text : undefined, 'interactive.body.text', WA.body[form]);
  if (isRecord(content.footer)) waText(content.footer.text, 'interactive.footer.text', WA.footer);
  const action = isRecord(content.action) ? content.action : undefined;
  if (!action) throw missing("Parameter 'interactive.action' is required.");
  const options = form === 'button' ? buttons(action) : rows(action);
  const ids = new Set(options.map((option) => option.id));
  if (ids.size !== options.length) throw notValid(`Duplicate ${form === 'button' ? 'button' : 'row'} id. Every id must be unique.`);
  return { form, body, options };
}

function buttons(action: Record<string, unknown>): SentOption[] {
  const list = Array.isArray(action.buttons) ? action.buttons : [];
  if (list.length < 1 || list.length > WA.buttons.max) throw notValid(`Invalid buttons count. Min allowed buttons: 1, Max allowed buttons: ${WA.buttons.max}.`);
  return list.map((button, index) => {
    const reply = isRecord(button) && button.type === 'reply' && isRecord(button.reply) ? button.reply : undefined;
    if (!reply) throw missing(`Parameter 'interactive.action.buttons[${index}].reply' of type 'reply' is required.`);
    return {
      id: waText(reply.id, `interactive.action.buttons[${index}].reply.id`, WA.buttons.id),
      title: waText(reply.title, `Button title`, WA.buttons.title),
    };
  });
}

function rows(action: Record<string, unknown>): SentOption[] {
  waText(action.button, 'interactive.action.button', WA.list.button);
  const sections = Array.isArray(action.sections) ? action.sections.filter(isRecord) : [];
  if (sections.length === 0) throw missing("Parameter 'interactive.action.sections' is required.");
  // With more than one section each needs a title, or the customer cannot tell them apart.
  if (sections.length > 1 && sections.some((section) => typeof section.title !== 'string')) throw missing("Parameter 'sections[].title' is required when there is more than one section.");
  const all = sections.flatMap((section, s) => {
    if (typeof section.title === 'string') waText(section.title, `sections[${s}].title`, WA.list.sectionTitle);
    const list = Array.isArray(section.rows) ? section.rows.filter(isRecord) : [];
    if (list.length === 0) throw missing(`Parameter 'sections[${s}].rows' is required.`);
    return list.map((row, r): SentOption => {
      const where = `sections[${s}].rows[${r}]`;
      const description = row.description === undefined ? undefined : waText(row.description, `${where}.description`, WA.list.description);
      return { id: waText(row.id, `${where}.id`, WA.list.id), title: waText(row.title, 'Row title', WA.list.title), ...(description !== undefined && { description }) };
    });
  });
  if (all.length > WA.list.rows) throw notValid(`Total row count exceed max allowed count: ${WA.list.rows}.`);
  return all;
}

const igInvalid = (details: string) => graphError('instagram', { code: 100, message: `(#100) ${details}` });

/** `message.quick_replies` (§9): at most 13; text ones need a title ≤ 20 and a payload ≤ 1,000. */
export function checkInstagramQuickReplies(value: unknown): SentOption[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.length === 0) throw igInvalid('param message[quick_replies] must be a non-empty array.');
  if (value.length > IG.max) throw igInvalid(`param message[quick_replies] must have at most ${IG.max} elements.`);
  return value.map((reply, index) => {
    const at = `message[quick_replies][${index}]`;
    if (!isRecord(reply) || reply.content_type !== 'text') throw igInvalid(`param ${at}[content_type] must be one of {text}.`);
    const { title, payload } = reply;
    if (typeof title !== 'string' || title.length === 0) throw igInvalid(`param ${at}[title] must be non-empty.`);
    if (chars(title) > IG.title) throw igInvalid(`param ${at}[title] must be at most ${IG.title} characters long.`);
    if (typeof payload !== 'string' && typeof payload !== 'number') throw igInvalid(`param ${at}[payload] must be non-empty.`);
    const text = String(payload);
    if (text.length === 0 || chars(text) > IG.payload) throw igInvalid(`param ${at}[payload] must be between 1 and ${IG.payload} characters long.`);
    return { id: text, title };
  });
}
