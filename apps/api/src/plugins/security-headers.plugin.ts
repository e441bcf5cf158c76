import fp from 'fastify-plugin';
import { HSTS, surfaceHeaders, surfaceOf } from '../security/surface-headers.ts';

/**
 * CSP, framing and HSTS per surface (console, docs, widget, demo, API), decided by path in one place so
 * static files, the console's deep-link fallback and error answers all get them. helmet sets the rest.
 */
export default fp(
  async (app) => {
    const headers = surfaceHeaders(app.services.config);
    app.addHook('onRequest', async (request, reply) => {
      const surface = headers[surfaceOf(request.url)];
      reply.header('content-security-policy', surface.csp);
      if (surface.frameOptions) reply.header('x-frame-options', surface.frameOptions);
      // request.protocol believes X-Forwarded-Proto only from a proxy that TRUST_PROXY names.
      if (request.protocol === 'https') reply.header('strict-transport-security', HSTS);
    });
  },
  { name: 'security-headers' },
);
