/**
 * Every function's declared parameters and gates match its code: what the
 * function's files read (`p.name`, `p['name']`, destructuring) is declared,
 * what they report to the trace is in `gates`, and each schema turns into
 * JSON Schema with a description per field. The files are read as text: the
 * function's own file, and the helpers it calls in the sibling files that are
 * not functions themselves (shared.ts, fronter.ts, lead-extras.ts…), down to
 * the helper, not the whole file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isGateId } from '../access/gate-trace.js';
import type { AgentFunction, TargetKind } from './agent/agent-function.js';
import { EXAMPLE_PARAMS } from './agent/example-params.js';
import { filterParams } from './agent/input-filters.js';
import { agentFunctions } from './agent/registry.js';
import { filterNonAgentParams } from './non-agent/input-filters.js';
import { NON_AGENT_FUNCTIONS } from './non-agent/registry.js';
import type { FunctionParams } from './parameters.js';

const AGENT_DIR = join(import.meta.dirname, 'agent/functions');
const NON_AGENT_DIR = join(import.meta.dirname, 'non-agent/functions');

const fileName = (fn: string) => `${fn.replaceAll('_', '-')}.ts`;
const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');

/** The top-level declarations of a helper file, by name: `function x`, `const x`, exported or not. */
function declarations(text: string): Map<string, string> {
  const starts = [...text.matchAll(/^(?:export )?(?:async )?(?:function|const) (\w+)/gm)];
  return new Map(starts.map((m, i) => [m[1]!, text.slice(m.index, starts[i + 1]?.index ?? text.length)]));
}

/** The values a text imports from sibling files: name → file (type-only imports left out). */
function siblingImports(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(/^import \{([^}]*)\} from '\.\/([\w-]+)\.js';/gm))
    for (const part of m[1]!.split(',')) {
      const name = part.trim();
      if (name && !name.startsWith('type ')) out.set(name.split(/\s+as\s+/).pop()!, `${m[2]}.ts`);
    }
  return out;
}

/**
 * The texts whose reads count for a function: its file, the helpers it calls
 * from sibling files that are no function's own file (following their calls
 * in turn), and the whole of another function it runs (`addList.run(call)`).
 */
function sources(dir: string, file: string, functionFiles: ReadonlySet<string>, seen = new Set<string>()): string[] {
  const texts: string[] = [];
  const visit = (key: string, text: string, helperFile?: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    texts.push(text);
    const local = helperFile ? declarations(read(dir, helperFile)) : new Map<string, string>();
    const imports = siblingImports(helperFile ? read(dir, helperFile) : text);
    for (const [name, chunk] of local) if (new RegExp(`\\b${name}\\(`).test(text)) visit(`${helperFile}#${name}`, chunk, helperFile);
    for (const [name, from] of imports) {
      if (functionFiles.has(from)) {
        if (new RegExp(`\\b${name}\\.run\\(`).test(text)) texts.push(...sources(dir, from, functionFiles, seen));
        continue;
      }
      const chunk = declarations(read(dir, from)).get(name);
      if (chunk && new RegExp(`\\b${name}\\b`).test(text)) visit(`${from}#${name}`, chunk, from);
    }
  };
  visit(file, read(dir, file));
  return texts;
}

/** Parameter names read by name: p.x, p?.x, p['x'], const { x } = p (or call.p). */
function paramReads(text: string): Set<string> {
  const names = new Set<string>();
  for (const m of text.matchAll(/\bp\??\.(\w+)/g)) names.add(m[1]!);
  for (const m of text.matchAll(/\bp\[\s*['"](\w+)['"]\s*\]/g)) names.add(m[1]!);
  for (const m of text.matchAll(/\{([^{}]*)\}\s*=\s*(?:call\.)?p\b/g))
    for (const part of m[1]!.split(',')) if (part.trim()) names.add(part.split(/[:=]/)[0]!.trim());
  return names;
}

/** Reads whose name is computed (p[name]): the schema must then be built from the list the code loops over. */
const dynamicReads = (text: string) => /\bp\[\s*\w+\s*\]/.test(text);

function gateReports(text: string): Set<string> {
  const gates = new Set<string>();
  for (const m of text.matchAll(/trace\.(?:fail|pass|failUnlessReported)\(\s*'(\w+)'/g)) gates.add(m[1]!);
  for (const m of text.matchAll(/\bgate:\s*'(\w+)'/g)) gates.add(m[1]!);
  return gates;
}

const declared = (schema: FunctionParams) => Object.keys(schema.shape);

/** What each pipeline reads itself and adds to every function's own parameters. */
const AGENT_COMMON = ['user', 'pass', 'function', 'source', 'close_window_link'];
const TARGET_PARAMS: Record<TargetKind, string[]> = { agent: ['agent_user'], 'agent-or-alt': ['agent_user', 'alt_user'], none: [] };
const NON_AGENT_COMMON = ['user', 'pass', 'function', 'source'];

/** Functions that read parameters through a list (lead fields, reload triggers…): their schemas are built from that same list. */
const READS_THROUGH_LISTS = new Set(['update_fields', 'refresh_panel', 'external_add_lead', 'add_lead', 'update_lead', 'batch_update_lead', 'update_user', 'add_list', 'update_list']);

const agents: AgentFunction[] = [...agentFunctions({ version: 'test', startedAt: new Date(0) }).values()];
const agentFiles = new Set(agents.map((fn) => fileName(fn.name)));
const nonAgentFiles = new Set(NON_AGENT_FUNCTIONS.map((fn) => fileName(fn.name)));

function expectDescribed(name: string, schema: FunctionParams) {
  const json = z.toJSONSchema(schema) as { properties?: Record<string, { description?: string }>; additionalProperties?: boolean };
  expect(json.additionalProperties, `${name} refuses unknown fields`).toBe(false);
  for (const [field, property] of Object.entries(json.properties ?? {}))
    expect(property.description ?? '', `${name}.${field} has a description`).toMatch(/\S/);
}

describe('agent API declarations', () => {
  it.each(agents.map((fn) => [fn.name, fn] as const))('%s declares what its code reads and reports', (name, fn) => {
    const texts = sources(AGENT_DIR, fileName(name), agentFiles);
    const common = new Set([...AGENT_COMMON, ...TARGET_PARAMS[fn.target]]);
    const own = declared(fn.params);
    const undeclared = [...new Set(texts.flatMap((t) => [...paramReads(t)]))].filter((p) => !common.has(p) && !own.includes(p));
    expect(undeclared, `parameters ${name} reads but does not declare`).toEqual([]);
    expect(own.filter((p) => common.has(p)), 'common parameters are the pipeline’s').toEqual([]);
    expect(texts.some(dynamicReads), `${name} reads parameters through a list`).toBe(READS_THROUGH_LISTS.has(name));

    const reported = new Set(texts.flatMap((t) => [...gateReports(t)]));
    expect([...fn.gates].sort()).toEqual([...reported].sort());
    expect(new Set(fn.gates).size, 'each gate once').toBe(fn.gates.length);
  });

  it.each(agents.map((fn) => [fn.name, fn] as const))('%s: its schema takes the example, survives the input filters, and has JSON Schema', (name, fn) => {
    const example = EXAMPLE_PARAMS[name] ?? {};
    expect(fn.params.safeParse(example).error?.issues ?? []).toEqual([]);
    for (const field of declared(fn.params)) expect(Object.keys(filterParams({ [field]: 'x' }, false)), `${field} is kept by the input filters`).toEqual([field]);
    expectDescribed(name, fn.params);
  });

  it('refuses an unknown field, naming it', () => {
    const dial = agents.find((fn) => fn.name === 'external_dial')!;
    const issues = dial.params.safeParse({ ...EXAMPLE_PARAMS.external_dial, phone_numer: '3125550150' }).error?.issues ?? [];
    expect(issues).toMatchObject([{ code: 'unrecognized_keys', keys: ['phone_numer'] }]);
  });

  it('every declared gate is one of the closed list', () => {
    for (const fn of agents) for (const gate of fn.gates) expect(isGateId(gate), `${fn.name}: ${gate}`).toBe(true);
  });
});

describe('non-agent API declarations', () => {
  it.each(NON_AGENT_FUNCTIONS.map((fn) => [fn.name, fn] as const))('%s declares what its code reads', (name, fn) => {
    const texts = sources(NON_AGENT_DIR, fileName(name), nonAgentFiles);
    const common = new Set(NON_AGENT_COMMON);
    const own = declared(fn.params);
    const undeclared = [...new Set(texts.flatMap((t) => [...paramReads(t)]))].filter((p) => !common.has(p) && !own.includes(p));
    expect(undeclared, `parameters ${name} reads but does not declare`).toEqual([]);
    expect(own.filter((p) => common.has(p)), 'common parameters are the pipeline’s').toEqual([]);
    expect(texts.some(dynamicReads), `${name} reads parameters through a list`).toBe(READS_THROUGH_LISTS.has(name));
  });

  it.each(NON_AGENT_FUNCTIONS.map((fn) => [fn.name, fn] as const))('%s: its fields survive the input filters, and it has JSON Schema', (name, fn) => {
    for (const field of declared(fn.params)) expect(Object.keys(filterNonAgentParams({ [field]: 'x' }, false)), `${field} is kept by the input filters`).toEqual([field]);
    expectDescribed(name, fn.params);
  });
});
