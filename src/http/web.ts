/**
 * The browser screens: the Vite build in dist/web, served at /agent, /admin and /wallboard.
 * Without a build (a development checkout), those pages say how to make one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export const WEB_ROOT = path.join(packageRoot(path.dirname(fileURLToPath(import.meta.url))), 'dist/web');
const PAGES = ['agent', 'admin', 'wallboard'] as const;

export async function registerWeb(app: FastifyInstance, root = WEB_ROOT): Promise<void> {
  if (!fs.existsSync(path.join(root, 'agent/index.html'))) {
    for (const page of PAGES)
      app.get(`/${page}`, async (_request, reply) =>
        reply.code(503).type('text/plain; charset=utf-8').send('The web screens are not built yet: run `npm run build`, then reload.\n'),
      );
    return;
  }
  await app.register(fastifyStatic, { root, prefix: '/', index: ['index.html'], redirect: true, wildcard: true });
  // /agent, /admin and /wallboard are client-side apps (their assets live in /assets): every sub-path is the page.
  for (const page of PAGES) {
    app.get(`/${page}`, async (_request, reply) => reply.sendFile(`${page}/index.html`));
    app.get(`/${page}/*`, async (_request, reply) => reply.sendFile(`${page}/index.html`));
  }
}

/**
 * The folder of agentgate's package.json, the nearest above `dir`: this module
 * runs from src/http under the tests and from a chunk of the bundle in dist/.
 */
function packageRoot(dir: string): string {
  for (let at = dir; ; at = path.dirname(at)) {
    if (fs.existsSync(path.join(at, 'package.json'))) return at;
    if (path.dirname(at) === at) return dir;
  }
}
