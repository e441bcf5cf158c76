import type { MessageChoices } from '../reviews/review.types.ts';
import { AppError } from '../shared/errors.ts';
import type { ChannelKind } from './channel.types.ts';

/**
 * How each channel can carry a structured question natively, and the limits Meta enforces on it
 * (channels.md §9). Checked before a send so a question that does not fit is our coded error, never an
 * opaque Graph 400 after the outbox has spent a call on it.
 */
export type ChoiceForm = 'whatsapp_list' | 'whatsapp_buttons' | 'instagram_quick_replies' | 'plain';

interface FormLimits {
  maxOptions: number;
  title: number;
  id: number;
  description?: number;
  body?: number;
  button?: number;
}

export const choiceLimits: Record<ChoiceForm, FormLimits> = {
  // §9: 1–3 reply buttons, title ≤ 20, id ≤ 256, body ≤ 1,024.
  whatsapp_buttons: { maxOptions: 3, title: 20, id: 256, body: 1024 },
  // §9: ≤ 10 rows, row title ≤ 24, description ≤ 72, button ≤ 20. §9 is silent on the row id and the
  // list body: Meta's list reference gives 200 and 4,096.
  whatsapp_list: { maxOptions: 10, title: 24, id: 200, description: 72, button: 20, body: 4096 },
  // §9: ≤ 13 quick replies, title ≤ 20, payload ≤ 1,000 (the text itself is the 1,000-byte limit of §3.9).
  instagram_quick_replies: { maxOptions: 13, title: 20, id: 1000 },
  // Web chat and the API channel show or forward what they get; ids still come back to us, so keep them sane.
  plain: { maxOptions: 10, title: 80, id: 256, description: 200 },
};

/** A rating has five options and needs a list; a consent question fits reply buttons. */
export function choiceForm(channel: ChannelKind, choices: Pick<MessageChoices, 'purpose'>): ChoiceForm {
  if (channel === 'whatsapp') return choices.purpose === 'rating' ? 'whatsapp_list' : 'whatsapp_buttons';
  if (channel === 'instagram') return 'instagram_quick_replies';
  return 'plain';
}

export interface ChoiceIssue {
  path: string;
  message: string;
}

/** Meta counts characters; code points, so an emoji in a title counts once (as for text, §8.12). */
const length = (text: string): number => [...text].length;

function checkLength(issues: ChoiceIssue[], path: string, value: string, max: number): void {
  if (length(value) === 0) issues.push({ path, message: 'Must not be empty' });
  else if (length(value) > max) issues.push({ path, message: `At most ${max} characters (has ${length(value)})` });
}

/** Everything about `choices` the channel would refuse, in the form the channel sends it. Empty when it fits. */
export function choiceIssues(channel: ChannelKind, body: string, choices: MessageChoices): ChoiceIssue[] {
  const limits = choiceLimits[choiceForm(channel, choices)];
  const issues: ChoiceIssue[] = [];
  const count = choices.options.length;
  if (count === 0 || count > limits.maxOptions) issues.push({ path: 'choices.options', message: `Between 1 and ${limits.maxOptions} options (has ${count})` });
  if (limits.body !== undefined) checkLength(issues, 'body', body, limits.body);
  if (limits.button !== undefined && choices.button !== undefined) checkLength(issues, 'choices.button', choices.button, limits.button);
  const seen = new Set<string>();
  choices.options.forEach((option, index) => {
    const at = `choices.options.${index}`;
    checkLength(issues, `${at}.id`, option.id, limits.id);
    checkLength(issues, `${at}.title`, option.title, limits.title);
    // A description has nowhere to go in reply buttons or quick replies: it would be dropped silently.
    if (option.description !== undefined) {
      if (limits.description === undefined) issues.push({ path: `${at}.description`, message: 'This channel shows no option descriptions' });
      else checkLength(issues, `${at}.description`, option.description, limits.description);
    }
    // The answer names the option by id: two alike would make the answer ambiguous.
    if (seen.has(option.id)) issues.push({ path: `${at}.id`, message: 'Duplicate option id' });
    seen.add(option.id);
  });
  return issues;
}

/** Throws `channel.choices_unfit` (details.issues) when the question does not fit the channel. */
export function assertChoicesFit(channel: ChannelKind, body: string, choices: MessageChoices): void {
  const issues = choiceIssues(channel, body, choices);
  if (issues.length > 0) {
    throw new AppError('channel.choices_unfit', `The question does not fit ${channel}: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`, { issues });
  }
}
