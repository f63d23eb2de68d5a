/**
 * GET /api/v2/docs: the OpenAPI document as a page a person reads — every
 * operation with its parameters and a curl line to try it. Rendered once on
 * the server from the document itself (so the page cannot say something the
 * document does not), no script, its stylesheet from /api/v2/docs.css.
 */
import { EXAMPLE_PARAMS } from '../api/agent/example-params.js';
import type { openApiDocument } from './openapi-document.js';

type Document = ReturnType<typeof openApiDocument>;

interface PropertySchema {
  readonly type?: string;
  readonly enum?: readonly string[];
  readonly anyOf?: readonly PropertySchema[];
  readonly description?: string;
  readonly maxLength?: number;
}

interface BodySchema {
  readonly properties?: Readonly<Record<string, PropertySchema>>;
  readonly required?: readonly string[];
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function typeOf(schema: PropertySchema): string {
  if (schema.enum) return schema.enum.join(' | ');
  if (schema.anyOf) return [...new Set(schema.anyOf.map(typeOf))].join(' or ');
  return schema.maxLength ? `${schema.type ?? 'string'} (≤ ${schema.maxLength})` : (schema.type ?? 'string');
}

function exampleBody(api: string, name: string, body: BodySchema): Record<string, string> {
  const props = body.properties ?? {};
  const example: Record<string, string> = {};
  if ('agent_user' in props) example.agent_user = '1000';
  for (const [param, value] of Object.entries(api === 'agent' ? (EXAMPLE_PARAMS[name] ?? {}) : {})) if (param in props) example[param] = value;
  for (const param of body.required ?? []) example[param] ??= `<${param}>`;
  return example;
}

function operationSection(path: string, op: Document['paths'][string]): string {
  const post = (op as { post: { operationId: string; summary: string; description: string; tags: string[]; requestBody: { content: { 'application/json': { schema: BodySchema } } } } }).post;
  const body = post.requestBody.content['application/json'].schema;
  const required = new Set(body.required ?? []);
  const rows = Object.entries(body.properties ?? {}).map(
    ([name, schema]) =>
      `<tr><td><code>${escapeHtml(name)}</code>${required.has(name) ? ' <span class="required">required</span>' : ''}</td><td>${escapeHtml(typeOf(schema))}</td><td>${escapeHtml(schema.description ?? '')}</td></tr>`,
  );
  const curl = `curl -s -H "Authorization: Bearer $AGENTGATE_KEY" -H 'Content-Type: application/json' \\\n  -d '${JSON.stringify(exampleBody(post.tags[0]!, post.operationId, body))}' \\\n  http://localhost:8080${path}`;
  return [
    `<section id="${escapeHtml(post.operationId)}">`,
    `<h3><code>${escapeHtml(post.operationId)}</code> <span class="path">POST ${escapeHtml(path)}</span></h3>`,
    `<p>${escapeHtml(post.summary)}. ${escapeHtml(post.description)}</p>`,
    rows.length ? `<table><thead><tr><th>parameter</th><th>type</th><th>meaning</th></tr></thead><tbody>${rows.join('')}</tbody></table>` : '<p>No parameters.</p>',
    `<pre>${escapeHtml(curl)}</pre>`,
    '</section>',
  ].join('\n');
}

export function renderApiDocsPage(document: Document): string {
  const sections = document.tags.map((tag) => {
    const ops = Object.entries(document.paths).filter(([path]) => path.startsWith(`/api/v2/${tag.name}/`));
    const index = ops.map(([path]) => path.split('/').pop()!).map((name) => `<a href="#${escapeHtml(name)}">${escapeHtml(name)}</a>`);
    return [`<h2>${escapeHtml(tag.description)}</h2>`, `<nav>${index.join(' ')}</nav>`, ...ops.map(([path, op]) => operationSection(path, op))].join('\n');
  });
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(document.info.title)}</title>
<link rel="stylesheet" href="/api/v2/docs.css">
</head>
<body>
<main>
<h1>${escapeHtml(document.info.title)} <span class="version">${escapeHtml(document.info.version)}</span></h1>
<p>${escapeHtml(document.info.description)}</p>
<p>Every operation takes a JSON object of its parameters, by VICIdial's names, and answers
<code>{ "result", "message", "fields", "lines" }</code> (agent commands also a <code>command_id</code>, and session
commands their <code>state</code>: <code>applied</code> or <code>pending</code>), or an error
<code>{ "error": { "code", "message", "gate" } }</code>. The machine-readable document:
<a href="/api/v2/openapi.json">/api/v2/openapi.json</a>. Live events: <code>GET /api/v2/events</code>.</p>
${sections.join('\n')}
</main>
</body>
</html>
`;
}

export const API_DOCS_CSS = `body { font: 15px/1.5 system-ui, sans-serif; margin: 0; color: #1b1f24; background: #fff; }
main { max-width: 60rem; margin: 0 auto; padding: 1rem 1.5rem 4rem; }
h1 .version { font-size: 0.5em; color: #57606a; }
h2 { margin-top: 2.5rem; border-bottom: 1px solid #d0d7de; }
h3 .path { font-weight: normal; font-size: 0.8em; color: #57606a; }
nav a { display: inline-block; margin: 0 0.6rem 0.3rem 0; }
section { margin: 1.5rem 0; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 0.3rem 0.5rem; border-bottom: 1px solid #eaeef2; }
.required { font-size: 0.75em; color: #9a3412; }
pre { background: #f6f8fa; padding: 0.75rem; overflow-x: auto; white-space: pre-wrap; }
a { color: #0550ae; }
`;
