// The example pages' own web server: a CRM lives on another origin than
// agentgate, so the pages are served from here and call agentgate across
// origins (agentgate must list this origin in CORS_ORIGINS).
//
//   node examples/serve-static.mjs [--port 5180] [--agentgate http://127.0.0.1:8080]
//
// Serves examples/screen-pop/, examples/buttons/ and examples/shared/ only,
// GET and HEAD only. --agentgate narrows the pages' Content-Security-Policy
// to that one server (the pages hold an API key: they talk to nobody else).
import fs from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';

const ROOT = import.meta.dirname;
const SERVED = new Set(['screen-pop', 'buttons', 'shared']);
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };

/** The file a URL path names, or undefined when it is not one this server serves. */
function fileOf(urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  const parts = decoded.split('/').filter(Boolean);
  if (parts.length === 0 || !SERVED.has(parts[0]) || parts.some((p) => p === '..' || p.includes('\\'))) return undefined;
  const file = path.join(ROOT, ...parts, decoded.endsWith('/') ? 'index.html' : '');
  return file.startsWith(ROOT + path.sep) && TYPES[path.extname(file)] ? file : undefined;
}

/** Start serving; resolves with the origin it listens on and a close(). */
export async function serveExamples({ port = 0, host = '127.0.0.1', agentgate } = {}) {
  const connectSrc = agentgate ? new URL(agentgate).origin : 'http: https:';
  const headers = {
    'Content-Security-Policy': `default-src 'self'; connect-src ${connectSrc}; object-src 'none'; base-uri 'none'; frame-ancestors 'none'`,
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  };
  const server = http.createServer(async (req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    if (req.method !== 'GET' && req.method !== 'HEAD') return end(res, 405, headers, 'Only GET and HEAD.\n');
    if (pathname === '/favicon.ico') return end(res, 204, headers, '');
    // A page directory without its slash: its relative links need the slash.
    if (SERVED.has(pathname.slice(1))) return end(res, 301, { ...headers, Location: `${pathname}/` }, '');
    const file = fileOf(pathname);
    const body = file && (await fs.readFile(file).catch(() => undefined));
    if (!body) return end(res, 404, headers, 'Not found: the pages are /screen-pop/ and /buttons/.\n');
    res.writeHead(200, { ...headers, 'Content-Type': TYPES[path.extname(file)] });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const { port: bound } = server.address();
  const close = () =>
    new Promise((resolve) => {
      server.close(resolve);
      server.closeAllConnections();
    });
  return { origin: `http://${host}:${bound}`, close };
}

function end(res, status, headers, text) {
  res.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}

if (process.argv[1] === import.meta.filename) {
  const { values } = parseArgs({ options: { port: { type: 'string', default: '5180' }, host: { type: 'string', default: '127.0.0.1' }, agentgate: { type: 'string' } } });
  const served = await serveExamples({ port: Number(values.port), host: values.host, agentgate: values.agentgate });
  console.log(`serving the example pages at ${served.origin}/screen-pop/ and ${served.origin}/buttons/`);
  console.log(`agentgate must allow this origin: CORS_ORIGINS=${served.origin}`);
  const stop = () => void served.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
