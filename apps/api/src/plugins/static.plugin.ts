import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { errorBody } from './error-handler.plugin.ts';
import { surfaceOf } from '../security/surface-headers.ts';

export interface StaticRoots {
  /** apps/console/dist */
  console: string;
  /** apps/widget/dist: widget.js, app/, demo/ */
  widget: string;
}

/**
 * One port serves everything: the console at `/`, the widget loader and iframe app, the demo shop.
 * Unknown `/api` paths get a coded 404; other unknown GETs fall back to the console's index.html so
 * deep links (/tickets/42) survive a reload.
 */
export default fp<{ roots: StaticRoots; demoIdentity?: (() => Promise<string>) | undefined }>(
  async (app, { roots, demoIdentity }) => {
    const consoleBuilt = existsSync(join(roots.console, 'index.html'));
    if (consoleBuilt) await app.register(fastifyStatic, { root: roots.console, prefix: '/', wildcard: false, index: ['index.html'] });
    if (existsSync(join(roots.widget, 'widget.js'))) {
      await app.register(fastifyStatic, { root: join(roots.widget, 'app'), prefix: '/widget/', decorateReply: false });
      await app.register(fastifyStatic, { root: join(roots.widget, 'demo'), prefix: '/demo/', decorateReply: false });
      app.get('/widget.js', { schema: { hide: true } }, (_request, reply) =>
        reply.header('cache-control', 'public, max-age=300').sendFile('widget.js', roots.widget),
      );
      app.get('/demo', { schema: { hide: true } }, (_request, reply) => reply.sendFile('index.html', join(roots.widget, 'demo')));
      // The shop as its signed-in customer sees it: its server renders the signed identity into the tag,
      // as a real site does (the secret never reaches the browser). Only with the demo seed.
      if (demoIdentity) {
        app.get('/demo/signed-in', { schema: { hide: true } }, async (_request, reply) => {
          const page = await readFile(join(roots.widget, 'demo', 'index.html'), 'utf8');
          const signed = page.replace('<script src="/widget.js"', `<script src="/widget.js" data-identity="${await demoIdentity()}"`);
          return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(signed);
        });
      }
    }

    app.setNotFoundHandler((request, reply) => {
      // Only console paths fall back: the console's page under /widget/… would carry the widget's
      // embeddable frame-ancestors, and could be framed by any site.
      const wantsPage = request.method === 'GET' && surfaceOf(request.url) === 'console';
      if (consoleBuilt && wantsPage && request.headers.accept?.includes('text/html')) {
        return reply.sendFile('index.html', roots.console);
      }
      return reply.status(404).send(errorBody('route.not_found', `No route ${request.method} ${request.url.split('?')[0]}`));
    });
  },
  { name: 'static-files' },
);
