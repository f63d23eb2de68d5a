/**
 * The JSON face: POST /api/v2/agent/{function} and /api/v2/non-agent/{function},
 * every function of both APIs through the same pipeline as the legacy
 * endpoints (api/json-face.ts), its OpenAPI document and a page that reads it.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { agentOperationSchema, invalidBody, jsonAnswer, legacyRequestOf, nonAgentOperationSchema, type ApiName } from '../api/json-face.js';
import type { FunctionParams } from '../api/parameters.js';
import type { Decision } from '../api/pipeline-mode.js';
import type { Services } from '../app/services.js';
import { AGENTGATE_VERSION } from '../app/version.js';
import { newCommandId } from '../events/command-context.js';
import type { FunctionAnswer } from '../wire/api.js';
import { renderApiDocsPage, API_DOCS_CSS } from './api-docs-page.js';
import { sendJsonError } from './json-errors.js';
import { FUNCTION_ANSWER_SCHEMA, openApiDocument } from './openapi-document.js';

/** The commands that change the session itself: their answer says whether the change is applied or pending. */
const SESSION_COMMANDS = new Set(['external_pause', 'logout', 'external_hangup', 'external_status', 'external_dial', 'pause_code']);

export function registerJsonApiRoutes(app: FastifyInstance, services: Services): void {
  const schemas: Record<ApiName, ReadonlyMap<string, FunctionParams>> = {
    agent: schemaMap(services.agentFunctions, agentOperationSchema),
    'non-agent': schemaMap(services.nonAgentFunctions, nonAgentOperationSchema),
  };
  // Built on first use, not at start: the document costs a start-up about 50 ms (issue 13 §5), and most nodes never serve it.
  const document = once(() => openApiDocument({ version: AGENTGATE_VERSION, agentFunctions: services.agentFunctions, nonAgentFunctions: services.nonAgentFunctions }));
  const docsPage = once(() => renderApiDocsPage(document()));

  for (const api of ['agent', 'non-agent'] as const) {
    app.post<{ Params: { name: string } }>(`/api/v2/${api}/:name`, { schema: { response: { 200: FUNCTION_ANSWER_SCHEMA } } }, async (request, reply) => {
      const { name } = request.params;
      const schema = schemas[api].get(name);
      if (!schema) return sendJsonError(reply, 404, 'unknown-function', `No ${api} API function is called "${name.slice(0, 60)}": see /api/v2/openapi.json.`);
      if (!request.headers.authorization) {
        reply.header('WWW-Authenticate', 'Bearer');
        return sendJsonError(reply, 401, 'no-credentials', 'Send Authorization: Bearer <API key> (or HTTP Basic with an API user and password).');
      }
      const body = request.body ?? {};
      if (typeof body !== 'object' || Array.isArray(body)) return sendJsonError(reply, 422, 'invalid-parameter', 'Send the parameters as one JSON object.');
      const parsed = schema.safeParse(body);
      if (!parsed.success) return reply.code(422).send(invalidBody(parsed.error));
      const legacy = legacyRequestOf({
        api,
        name,
        body: parsed.data,
        protocol: request.protocol,
        host: services.config.publicHost,
        remoteIp: request.ip,
        authorization: request.headers.authorization,
      });
      return api === 'agent' ? agentCommand(services, name, legacy, reply) : send(reply, await services.nonAgentApi.decide(legacy));
    });
  }

  app.get('/api/v2/openapi.json', async () => document());
  app.get('/api/v2/docs', async (_request, reply) => reply.type('text/html; charset=utf-8').send(docsPage()));
  app.get('/api/v2/docs.css', async (_request, reply) => reply.type('text/css; charset=utf-8').header('Cache-Control', 'max-age=300').send(API_DOCS_CSS));
}

function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

function schemaMap<F>(functions: ReadonlyMap<string, F>, schemaOf: (spec: F) => FunctionParams): ReadonlyMap<string, FunctionParams> {
  return new Map([...functions].map(([name, spec]) => [name, schemaOf(spec)]));
}

/** An agent API call is one command: its events carry its id, and a session command says where it stands. */
async function agentCommand(services: Services, name: string, legacy: ReturnType<typeof legacyRequestOf>, reply: FastifyReply) {
  const commandId = newCommandId();
  const decision = await services.agentApi.decide(legacy, commandId);
  reply.header('X-Command-Id', commandId);
  const state = SESSION_COMMANDS.has(name) ? commandState(services, name, legacy.params, decision) : undefined;
  return send(reply, decision, { command_id: commandId, ...(state ? { state } : {}) });
}

/**
 * Applied, or pending: a PAUSE or LOGOUT during a call waits for the
 * disposition, and so does a dial; on VICIdial's own database (the drop-in)
 * every command waits for VICIdial's agent screen. Read from where the
 * command left the session (its unit's events), not from another query.
 */
function commandState(services: Services, name: string, params: Readonly<Record<string, string>>, decision: Decision): FunctionAnswer['state'] {
  if (decision.reply.lines.at(-1)?.result !== 'SUCCESS') return undefined;
  if (services.liveWatcher) return 'pending';
  const { before, after } = decision.session ?? {};
  if (name === 'logout') return after?.pending === 'LOGOUT' ? 'pending' : 'applied';
  if (name === 'external_pause' && params.value === 'PAUSE') return after?.pending === 'PAUSE' ? 'pending' : 'applied';
  if (name === 'external_dial') return before === 'on-call' || before === 'disposition' ? 'pending' : 'applied';
  return 'applied';
}

function send(reply: FastifyReply, decision: Decision, extra?: Parameters<typeof jsonAnswer>[1]) {
  const answer = jsonAnswer(decision, extra);
  return reply.code(answer.status).headers(answer.headers).send(answer.body);
}
