import fp from 'fastify-plugin';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

/** The OpenAPI document is generated from the same zod schemas that validate the routes. */
export default fp(
  async (app) => {
    await app.register(swagger, {
      openapi: {
        info: {
          title: 'Keluh help desk API',
          description: 'Omnichannel complaint handling: tickets, messages, web chat. Errors are `{ error: { code, message, details? } }`.',
          version: '0.1.0',
        },
        components: {
          securitySchemes: {
            bearer: { type: 'http', scheme: 'bearer', description: 'API clients: a token from POST /api/auth/token. No CSRF headers needed.' },
            session: {
              type: 'apiKey',
              in: 'cookie',
              name: 'keluh_session',
              description:
                'The console: the httpOnly cookie set by POST /api/auth/login. Changes (POST, PUT, PATCH, DELETE) must send an ' +
                'allowed `Origin` and `content-type: application/json`, or are refused with 403 `auth.csrf_rejected`.',
            },
            visitor: { type: 'http', scheme: 'bearer', description: 'Widget visitor token from POST /api/widget/sessions' },
          },
        },
      },
      transform: jsonSchemaTransform,
    });
    await app.register(swaggerUi, { routePrefix: '/docs' });
  },
  { name: 'swagger' },
);
