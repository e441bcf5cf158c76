import fp from 'fastify-plugin';
import { AppError } from '@keluh/core';

/**
 * HTTP/1.1 requires a Host header (RFC 9112 §3.2). Node refuses a request without one itself, with an
 * empty 400 no client can read a code from; buildApp turns that off (`requireHostHeader: false`) so the
 * refusal is made here, in the one error shape, before any route runs. HTTP/1.0 never required it.
 */
export default fp(
  async (app) => {
    app.addHook('onRequest', async (request) => {
      if (request.raw.httpVersion === '1.1' && request.headers.host === undefined) throw new AppError('request.malformed', 'An HTTP/1.1 request needs a Host header');
    });
  },
  { name: 'host-header' },
);
