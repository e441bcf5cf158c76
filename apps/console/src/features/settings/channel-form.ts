import type { ChannelViewDto } from '@keluh/contracts';
import type { ConfigurableChannel } from '../../api/endpoints.ts';

export const configurableChannels: readonly ConfigurableChannel[] = ['whatsapp', 'instagram'];

export type FieldKind = 'secret' | 'id' | 'url' | 'version' | 'templates';

export interface FieldSpec {
  name: string;
  kind: FieldKind;
  required: boolean;
  /** Shown as the placeholder; the server applies it when the field is left empty. */
  fallback?: string;
}

const secrets: FieldSpec[] = [
  { name: 'appSecret', kind: 'secret', required: true },
  { name: 'verifyToken', kind: 'secret', required: true },
  { name: 'accessToken', kind: 'secret', required: true },
];

/** The settings each channel's PUT accepts (contracts: whatsappSettingsSchema, instagramSettingsSchema). */
export const channelFields: Record<ConfigurableChannel, FieldSpec[]> = {
  whatsapp: [
    ...secrets,
    { name: 'phoneNumberId', kind: 'id', required: true },
    { name: 'graphBaseUrl', kind: 'url', required: false, fallback: 'https://graph.facebook.com' },
    { name: 'graphVersion', kind: 'version', required: false, fallback: 'v23.0' },
    { name: 'templates', kind: 'templates', required: false },
  ],
  instagram: [
    ...secrets,
    { name: 'accountId', kind: 'id', required: true },
    { name: 'graphBaseUrl', kind: 'url', required: false, fallback: 'https://graph.instagram.com' },
    { name: 'graphVersion', kind: 'version', required: false, fallback: 'v23.0' },
  ],
};

/** How the API masks a stored secret (`••••1234`): sent back unchanged, it means "keep the stored one". */
const MASK = '••••';
export const isMasked = (value: string) => value.startsWith(MASK);

export type ChannelForm = Record<string, string>;

/** The form as loaded: secrets keep their masked value, templates are laid out for editing. */
export function formFrom(kind: ConfigurableChannel, view: ChannelViewDto | null): ChannelForm {
  const form: ChannelForm = {};
  for (const field of channelFields[kind]) {
    const value = view?.settings[field.name] ?? '';
    form[field.name] = field.kind === 'templates' ? prettyTemplates(value) : value;
  }
  return form;
}

export function isDirty(form: ChannelForm, initial: ChannelForm): boolean {
  return Object.keys(initial).some((key) => (form[key] ?? '') !== initial[key]);
}

/** Translatable problem: an i18n key under `settings.errors` and its parameters. */
export interface FieldProblem {
  key: string;
  params?: Record<string, string | number>;
}

/**
 * Checks the server would make anyway, done first so the common mistakes read in the agent's language.
 * A secret that still starts with the mask but was edited would be taken as "keep the stored one",
 * silently dropping what the admin typed, so it is refused.
 */
export function validateForm(kind: ConfigurableChannel, form: ChannelForm, initial: ChannelForm): Record<string, FieldProblem> {
  const problems: Record<string, FieldProblem> = {};
  for (const field of channelFields[kind]) {
    const value = (form[field.name] ?? '').trim();
    if (field.required && value === '') {
      problems[field.name] = { key: 'required' };
    } else if (field.kind === 'secret' && isMasked(value) && value !== initial[field.name]) {
      problems[field.name] = { key: 'maskedEdited' };
    } else if (field.kind === 'id' && value !== '' && !/^\d{5,30}$/.test(value)) {
      problems[field.name] = { key: 'numericId' };
    } else if (field.kind === 'version' && value !== '' && !/^v\d+\.\d+$/.test(value)) {
      problems[field.name] = { key: 'version' };
    } else if (field.kind === 'url' && value !== '' && !/^https?:\/\/\S+$/.test(value)) {
      problems[field.name] = { key: 'url' };
    } else if (field.kind === 'templates') {
      const result = parseTemplates(value);
      if (!result.ok) problems[field.name] = result.problem;
    }
  }
  if (!problems.accessToken && tokenStaysBehind(kind, form, initial)) problems.accessToken = { key: 'tokenForNewHost' };
  return problems;
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

/**
 * The saved access token is sent only to the Graph host it was saved for: moving the base URL with
 * the token left masked is refused (by the server too, `channel.token_required`), so say it here first.
 */
function tokenStaysBehind(kind: ConfigurableChannel, form: ChannelForm, initial: ChannelForm): boolean {
  const base = channelFields[kind].find((field) => field.name === 'graphBaseUrl');
  const token = form.accessToken ?? '';
  if (!base || !isMasked(token) || initial.accessToken === undefined || initial.accessToken === '') return false;
  const before = (initial.graphBaseUrl ?? '').trim() || base.fallback || '';
  const after = (form.graphBaseUrl ?? '').trim() || base.fallback || '';
  return originOf(before) !== originOf(after);
}

/**
 * What the PUT receives: every field the channel knows; masked secrets as they are (the server keeps the
 * stored value); optional fields left empty are omitted so the server's defaults apply; templates compacted.
 */
export function settingsToSubmit(kind: ConfigurableChannel, form: ChannelForm): Record<string, string> {
  const settings: Record<string, string> = {};
  for (const field of channelFields[kind]) {
    const raw = form[field.name] ?? '';
    const value = field.kind === 'secret' ? raw : raw.trim();
    if (!field.required && value.trim() === '') continue;
    if (field.kind === 'templates') {
      const result = parseTemplates(value);
      settings[field.name] = result.ok ? JSON.stringify(result.templates) : value;
    } else {
      settings[field.name] = value;
    }
  }
  return settings;
}

export interface TemplateEntry {
  name: string;
  language: string;
  body: string;
}

export type TemplatesResult = { ok: true; templates: TemplateEntry[] } | { ok: false; problem: FieldProblem };

/** The templates list as the API stores it: a JSON array of { name, language, body } with {{n}} placeholders. */
export function parseTemplates(text: string): TemplatesResult {
  if (text.trim() === '') return { ok: true, templates: [] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, problem: { key: 'templatesJson' } };
  }
  if (!Array.isArray(parsed)) return { ok: false, problem: { key: 'templatesList' } };
  const seen = new Set<string>();
  const templates: TemplateEntry[] = [];
  for (const [index, entry] of parsed.entries()) {
    const n = index + 1;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return { ok: false, problem: { key: 'templatesEntry', params: { n } } };
    const { name, language, body } = entry as Record<string, unknown>;
    if (typeof name !== 'string' || !/^[a-z0-9_]{1,512}$/.test(name)) return { ok: false, problem: { key: 'templatesName', params: { n } } };
    if (typeof language !== 'string' || !/^[a-z]{2,3}([_-][A-Za-z]{2,4})?$/.test(language)) return { ok: false, problem: { key: 'templatesLanguage', params: { n } } };
    if (typeof body !== 'string' || body.trim() === '') return { ok: false, problem: { key: 'templatesBody', params: { n } } };
    const key = `${name}:${language}`;
    if (seen.has(key)) return { ok: false, problem: { key: 'templatesDuplicate', params: { n, name: key } } };
    seen.add(key);
    templates.push({ name, language, body });
  }
  return { ok: true, templates };
}

/** Stored compactly; shown one entry per line block so an admin can edit it in the textarea. */
function prettyTemplates(stored: string): string {
  if (stored.trim() === '') return '';
  const result = parseTemplates(stored);
  return result.ok ? JSON.stringify(result.templates, null, 2) : stored;
}

/** `details.issues[{ path: 'body.phoneNumberId', message }]` → `{ phoneNumberId: message }`. */
export function issuesByField(details: Record<string, unknown> | undefined): Record<string, string> {
  const issues = details?.issues;
  if (!Array.isArray(issues)) return {};
  const byField: Record<string, string> = {};
  for (const issue of issues) {
    if (typeof issue !== 'object' || issue === null) continue;
    const { path, message } = issue as { path?: unknown; message?: unknown };
    if (typeof path !== 'string' || typeof message !== 'string') continue;
    const field = path.replace(/^body\.?/, '').split('.')[0] || '_';
    byField[field] ??= message;
  }
  return byField;
}

/** The last characters of a masked secret, to recognise which one is stored. */
export function maskedTail(value: string): string | null {
  if (!isMasked(value)) return null;
  const tail = value.slice(MASK.length);
  return tail === '' ? null : tail;
}
