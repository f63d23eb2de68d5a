/**
 * GET /api/v2/openapi.json: the JSON face described as OpenAPI 3.1, built from
 * the same zod schemas the face validates with (zod 4's own z.toJSONSchema:
 * it emits JSON Schema 2020-12, which OpenAPI 3.1 uses as is, so no generator
 * library stands between the schemas and the document). One operation per
 * function, its operationId the VICIdial name.
 */
import { z } from 'zod';
import { FUNCTION_PURPOSES } from '../admin/function-purposes.js';
import type { AgentFunction } from '../api/agent/agent-function.js';
import { agentGateOrder } from '../api/agent/gate-order.js';
import { ERROR_CATALOGUE } from '../api/error-catalogue.js';
import { agentOperationSchema, nonAgentOperationSchema, type ApiName } from '../api/json-face.js';
import type { NonAgentFunction } from '../api/non-agent/non-agent-function.js';
import { nonAgentGateOrder } from '../api/non-agent/gate-order.js';
import type { FunctionParams } from '../api/parameters.js';

export interface OpenApiInput {
  readonly version: string;
  readonly agentFunctions: ReadonlyMap<string, AgentFunction>;
  readonly nonAgentFunctions: ReadonlyMap<string, NonAgentFunction>;
}

const API_TITLE: Readonly<Record<ApiName, string>> = {
  agent: "Agent API: act on a live agent's session (VICIdial's /agc/api.php)",
  'non-agent': "Non-agent API: reports, leads, lists and users (VICIdial's /vicidial/non_agent_api.php)",
};

const bodySchema = (schema: FunctionParams) => z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input' });

/**
 * A function's answer (wire/api.ts FunctionAnswer): in the document, and the JSON face's
 * 200 response schema, from which Fastify compiles the answer's serializer.
 */
export const FUNCTION_ANSWER_SCHEMA = {
  type: 'object',
  required: ['result', 'message', 'fields', 'lines'],
  properties: {
    result: { type: 'string', enum: ['SUCCESS', 'NOTICE'] },
    message: { type: 'string', description: "The last line's reason, in VICIdial's words" },
    fields: { type: 'array', items: { type: 'string' }, description: "The last line's fields" },
    lines: { type: 'array', items: { type: 'string' }, description: 'Every line of the legacy answer (report rows)' },
    command_id: { type: 'string', description: 'Agent API: the id the events of its effect carry' },
    state: { type: 'string', enum: ['applied', 'pending'], description: 'Session commands: applied now, or waiting (for the disposition, or for the agent screen)' },
  },
} as const;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: ref('Error') } } });

/** Which catalogue codes each status carries, for the responses' words. */
function codesWith(status: number): string {
  return ERROR_CATALOGUE.filter((e) => e.status === status)
    .map((e) => `\`${e.code}\``)
    .join(', ');
}

const RESPONSES = {
  '200': { description: 'Done (SUCCESS or NOTICE).', content: { 'application/json': { schema: ref('FunctionAnswer') } } },
  '401': errorResponse(`No credentials, or not accepted: ${codesWith(401)}, \`no-credentials\`.`),
  '403': errorResponse(`Refused by a permission gate: ${codesWith(403)}.`),
  '404': errorResponse(`Something the request names does not exist: ${codesWith(404)}.`),
  '409': errorResponse(`The session or the data is not in a state that allows it: ${codesWith(409)}.`),
  '422': errorResponse(`The parameters are not valid (unknown fields are named in \`fields\`): ${codesWith(422)}.`),
  '429': errorResponse(`Too many requests: ${codesWith(429)}. Wait for Retry-After.`),
  '503': errorResponse(`Switched off: ${codesWith(503)}.`),
};

function operation(api: ApiName, name: string, schema: FunctionParams, extra: Record<string, unknown>) {
  const summary = FUNCTION_PURPOSES[name]?.[1] ?? name;
  return {
    post: {
      operationId: name,
      tags: [api],
      summary: summary.charAt(0).toUpperCase() + summary.slice(1),
      requestBody: { required: false, content: { 'application/json': { schema: bodySchema(schema) } } },
      responses: RESPONSES,
      ...extra,
    },
  };
}

export function openApiDocument(input: OpenApiInput) {
  const paths: Record<string, unknown> = {};
  for (const spec of input.agentFunctions.values())
    paths[`/api/v2/agent/${spec.name}`] = operation('agent', spec.name, agentOperationSchema(spec), {
      description: `Runs the agent API's gates in VICIdial's order, then ${spec.name}. The events that show its effect carry the answer's command_id.`,
      'x-agentgate-gates': agentGateOrder(spec),
    });
  for (const spec of input.nonAgentFunctions.values())
    paths[`/api/v2/non-agent/${spec.name}`] = operation('non-agent', spec.name, nonAgentOperationSchema(spec), {
      description: `Runs the non-agent API's login (user level 7 and up), then ${spec.name}'s own checks. Needs ${spec.requires.map((r) => r.describe).join(', ') || 'no permission flag'}.`,
      'x-agentgate-gates': nonAgentGateOrder(spec),
    });
  return {
    openapi: '3.1.0',
    info: {
      title: 'agentgate JSON API',
      version: input.version,
      description:
        "VICIdial's agent and non-agent API functions, JSON in and out, through the same permission pipeline as the legacy endpoints. " +
        'Authenticate with an API key (`Authorization: Bearer …`) or HTTP Basic; never put credentials in a URL. ' +
        'Errors: one shape, codes listed in docs/errors.md. Live events: GET /api/v2/events (Server-Sent Events).',
    },
    tags: (['agent', 'non-agent'] as const).map((name) => ({ name, description: API_TITLE[name] })),
    security: [{ bearer: [] }, { basic: [] }],
    paths,
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'An API key: agentgate keys create --user <api user> --name <name>' },
        basic: { type: 'http', scheme: 'basic', description: 'An API user and its password' },
      },
      schemas: {
        FunctionAnswer: FUNCTION_ANSWER_SCHEMA,
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: {
                code: { type: 'string', enum: [...ERROR_CATALOGUE.map((e) => e.code), 'no-credentials', 'refused'] },
                message: { type: 'string' },
                gate: { type: 'string', description: 'The gate that refused' },
                fields: { type: 'object', additionalProperties: { type: 'string' } },
              },
            },
          },
        },
      },
    },
  };
}
