import { ChannelSendError, choiceIssues, type MessageChoices, type OutboundMessage } from '@keluh/core';

/** Shown on the list's open button when the question names none; bilingual because the adapter knows no language. */
export const DEFAULT_LIST_BUTTON = 'Pilih / Choose';

/**
 * §9: a rating (five options) goes as an interactive list in one section, a consent question as reply
 * buttons. The options' ids are ours and come back verbatim in `list_reply.id` / `button_reply.id`.
 */
export function interactiveContent(body: string, choices: MessageChoices): Record<string, unknown> {
  if (choices.purpose === 'rating') {
    return {
      type: 'interactive',
      interactive: {
        type: 'list',
        body: { text: body },
        action: {
          button: choices.button ?? DEFAULT_LIST_BUTTON,
          sections: [
            {
              rows: choices.options.map((option) => ({
                id: option.id,
                title: option.title,
                ...(option.description !== undefined && { description: option.description }),
              })),
            },
          ],
        },
      },
    };
  }
  return {
    type: 'interactive',
    interactive: {
      type: 'button',
      body: { text: body },
      action: { buttons: choices.options.map((option) => ({ type: 'reply', reply: { id: option.id, title: option.title } })) },
    },
  };
}

/** Refuses, before Meta is called, a question its list or buttons cannot hold (§9 limits). */
export function assertWhatsappChoicesFit(message: OutboundMessage): void {
  if (!message.choices || message.template) return;
  const issues = choiceIssues('whatsapp', message.body, message.choices);
  if (issues.length === 0) return;
  throw new ChannelSendError({
    code: 'channel.choices_unfit',
    reason: `WhatsApp cannot send this question: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`,
    retryable: false,
  });
}
