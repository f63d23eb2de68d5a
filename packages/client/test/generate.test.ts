/**
 * The generator: src/operations.ts is what openapi.json gives (a stale
 * generated file fails here), and schemas beyond flat parameters fail the
 * generation by name instead of becoming wrong types.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GenerationError, operationsSource, type OpenApiDocument } from '../scripts/openapi-to-typescript.js';

const read = (name: string) => readFileSync(new URL(`../${name}`, import.meta.url), 'utf8');
const doc = (properties: Record<string, unknown>, required: string[] = [], extra: Partial<OpenApiDocument> = {}): OpenApiDocument => ({
  openapi: '3.1.0',
  paths: {
    '/api/v2/agent/external_pause': {
      post: { operationId: 'external_pause', requestBody: { content: { 'application/json': { schema: { type: 'object', properties, required } } } } },
    },
  },
  ...extra,
});

describe('operationsSource', () => {
  it('is what src/operations.ts holds (run `npm run generate` in packages/client after changing openapi.json)', () => {
    expect(operationsSource(JSON.parse(read('openapi.json')) as OpenApiDocument)).toBe(read('src/operations.ts'));
  });

  it('types enums, consts, integers-or-strings, references and defaults; required fields are not optional', () => {
    const source = operationsSource(
      doc(
        {
          value: { enum: ['PAUSE', 'RESUME'] },
          agent_user: { $ref: '#/components/schemas/User' },
          lead_id: { anyOf: [{ type: 'string' }, { type: 'integer' }] },
          phone_code: { type: ['string', 'null'], default: '1', description: "The country's code." },
          odd: { const: "it's \"quoted\"\n" },
          'not-an-identifier': { type: 'boolean' },
        },
        ['value'],
        { components: { schemas: { User: { type: 'string', description: 'The agent.' } } } },
      ),
    );
    expect(source).toContain(`export type AgentExternalPauseParams = {
  readonly value: 'PAUSE' | 'RESUME';
  /** The agent. */
  readonly agent_user?: string;
  readonly lead_id?: string | number;
  /** The country's code. Default: "1". */
  readonly phone_code?: string;
  readonly odd?: 'it\\'s "quoted"\\n';
  readonly "not-an-identifier"?: boolean;
};`);
    expect(source).toContain('  external_pause(params: AgentExternalPauseParams, options?: CallOptions): Promise<CallResult>;');
    expect(source).toContain("    external_pause: (params, options) => call('external_pause', params, options),");
  });

  it('makes the parameters optional when none is required, and leaves out routes that are not operations', () => {
    const source = operationsSource({
      ...doc({ agent_user: { type: 'string' } }),
      paths: {
        ...doc({ agent_user: { type: 'string' } }).paths,
        '/api/v2/events': { get: { operationId: 'events' } },
        '/api/v2/non-agent/version': { post: { operationId: 'version' } },
      },
    });
    expect(source).toContain('external_pause(params?: AgentExternalPauseParams');
    expect(source).toContain("version: (params = {}, options) => call('version', params, options),");
    expect(source).toContain('export type NonAgentVersionParams = Readonly<Record<string, never>>;');
    expect(source).not.toContain('events');
  });

  it('refuses what it cannot type faithfully, naming the place', () => {
    const fails = (d: OpenApiDocument, message: RegExp | typeof GenerationError) => expect(() => operationsSource(d)).toThrow(message);
    fails(doc({ lead_ids: { type: 'array', items: { type: 'integer' } } }), /external_pause\.lead_ids: type "array" is not supported/);
    fails(doc({ agent_user: { $ref: '#/components/schemas/Missing' } }), /#\/components\/schemas\/Missing points at nothing/);
    fails(doc({ agent_user: { $ref: 'https://example.com/s.json' } }), /only local references/);
    fails({ ...doc({}), paths: { '/api/v2/agent/external_pause': { post: { operationId: 'pause' } } } }, /operationId "pause" is not "external_pause"/);
    fails({ openapi: '3.1.0', paths: {} }, /no POST \/api\/v2\/agent/);
    fails({ swagger: '2.0' } as OpenApiDocument, GenerationError);
  });
});
