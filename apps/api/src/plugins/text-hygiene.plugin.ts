import fp from 'fastify-plugin';
import { AppError } from '@keluh/core';
import { findInvalidText } from '@keluh/contracts';

/** The refusal for text a person typed that holds NUL or a lone surrogate (rule: contracts text.rules). */
export function invalidTextError(path: string): AppError {
  return new AppError('text.invalid_characters', 'Text contains a NUL character or an unpaired UTF-16 surrogate', {
    issues: [{ path, message: 'Remove the NUL character or the broken emoji and send again' }],
  });
}

/**
 * Every route's parsed params, query and JSON body, before schema validation: one place, so a field added
 * later is covered too. Webhook bodies arrive as raw bytes (a Buffer is not walked) and are repaired
 * where they are parsed instead, because a channel's text must not be refused.
 */
export default fp(
  async (app) => {
    app.addHook('preValidation', async (request) => {
      for (const [part, value] of [['params', request.params], ['query', request.query], ['body', request.body]] as const) {
        const path = findInvalidText(value, part);
        if (path) throw invalidTextError(path);
      }
    });
  },
  { name: 'text-hygiene' },
);
