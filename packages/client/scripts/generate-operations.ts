/**
 * `npm run generate [-- <source>]`: write src/operations.ts from agentgate's
 * OpenAPI document. The source is a running server's document
 * (`http://127.0.0.1:8080/api/v2/openapi.json`, saved as openapi.json so the
 * package builds without a server) or a file; default the saved openapi.json.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { GenerationError, operationsSource, type OpenApiDocument } from './openapi-to-typescript.js';

const PACKAGE = new URL('../../', import.meta.url);
const SAVED = new URL('openapi.json', PACKAGE);
const OUTPUT = new URL('src/operations.ts', PACKAGE);

async function load(source: string | undefined): Promise<OpenApiDocument> {
  if (source && /^https?:\/\//.test(source)) {
    const response = await fetch(source, { headers: { accept: 'application/json' } });
    if (!response.ok) throw new GenerationError(`${source} answered HTTP ${response.status}`);
    const doc = (await response.json()) as OpenApiDocument;
    await writeFile(SAVED, `${JSON.stringify(doc, null, 2)}\n`);
    console.log(`saved ${fileURLToPath(SAVED)}`);
    return doc;
  }
  const file = source ?? fileURLToPath(SAVED);
  return JSON.parse(await readFile(file, 'utf8')) as OpenApiDocument;
}

try {
  const source = operationsSource(await load(process.argv[2]));
  await writeFile(OUTPUT, source);
  console.log(`wrote ${fileURLToPath(OUTPUT)}`);
} catch (err) {
  console.error(`generate: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
}
