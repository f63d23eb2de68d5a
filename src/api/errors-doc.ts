/** docs/errors.md, rendered from the error catalogue (`npm run docs:errors` writes it; a test checks it). */
import { GATE_LABELS } from '../access/gate-trace.js';
import { ERROR_CATALOGUE } from './error-catalogue.js';

const cell = (text: string) => text.replace(/\|/g, '\\|');

export function renderErrorsDoc(): string {
  const rows = ERROR_CATALOGUE.map(
    (e) => `| \`${e.code}\` | ${e.status} | \`${e.gate}\` | ${cell(e.meaning)} |`,
  );
  const sections = ERROR_CATALOGUE.map((e) =>
    [`### \`${e.code}\` — HTTP ${e.status}`, '', `Gate: \`${e.gate}\` (${GATE_LABELS[e.gate]}). ${e.meaning}`, '', 'Legacy `ERROR:` reasons:', '', ...e.legacy.map((l) => `- \`${l}\``), ''].join('\n'),
  );
  return [
    '# Errors',
    '',
    '<!-- Rendered from src/api/error-catalogue.ts by `npm run docs:errors`; a test fails when this file and the catalogue differ. -->',
    '',
    'Every refusal of the agent API and the non-agent API has one entry here. The legacy endpoints',
    "(`/agc/api.php`, `/vicidial/non_agent_api.php`) answer with VICIdial's `ERROR:` line and, as VICIdial does,",
    'HTTP 200 (429 for a throttled or rate-limited caller, 418 for the coffee functions, 400 for a',
    'key sent together with a password). The JSON face (`/api/v2/agent/{function}`, `/api/v2/non-agent/{function}`)',
    'answers the same decision with the status below and one shape:',
    '',
    '```json',
    '{ "error": { "code": "agent-not-logged-in", "message": "agent_user is not logged in", "gate": "agent_logged_in" } }',
    '```',
    '',
    "`code` is stable: test it in programs. `message` is the legacy reason (VICIdial's words). `gate` names the",
    'check that refused, as the console\'s and the CLI\'s "explain" show it. A body the JSON face cannot read',
    '(unknown or mistyped parameters) is refused before anything else with 422 `invalid-parameter` and a',
    '`fields` object naming each field.',
    '',
    'Before the pipeline, the JSON face itself answers a few more, none of them audited: `no-credentials` (401, no',
    '`Authorization` header), `unknown-function` (404, a path that names no function), `invalid-parameter` (422, the body',
    'does not fit the function\'s schema), `bad-request` (400, the body is not JSON), `unsupported-media-type` (415, not',
    '`application/json`), `cross-site` (403, a page of another origin) and `database-unavailable` (503, nothing was',
    'written: send it again).',
    '',
    '| code | HTTP | gate | meaning |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
    '## Legacy reasons by code',
    '',
    "`<…>` stands for a part that varies (a function's name, a user, a campaign).",
    '',
    ...sections,
  ].join('\n');
}
