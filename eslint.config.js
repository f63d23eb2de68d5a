// The linter: typescript-eslint's recommended rules, and the architecture of
// docs/architecture.md as import boundaries between the top-level folders of src/.
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * What each folder of src/ may import, besides itself. Every folder sits above
 * the folders it lists, so the folders form no cycle; a new import that would
 * turn the graph around fails the lint instead of tangling the code.
 */
const LAYERS = {
  domain: [],
  config: [],
  wire: ['domain'],
  events: ['domain'],
  store: ['domain', 'events'],
  'store-schema': ['domain'],
  access: ['domain', 'store'],
  audit: ['domain', 'store'],
  leads: ['domain', 'store'],
  sessions: ['domain', 'events', 'store'],
  telephony: ['domain', 'events', 'sessions', 'store'],
  // Between nodes: Redis, wake-ups for the event log, leases, shared rate buckets.
  cluster: ['access', 'domain', 'events', 'store'],
  screen: ['domain', 'events', 'sessions', 'store', 'telephony', 'wire'],
  // What wallboards and integrations see: the event stream's projection, scope, snapshot and shared totals.
  board: ['access', 'domain', 'events', 'sessions', 'store', 'wire'],
  api: ['access', 'audit', 'domain', 'events', 'leads', 'sessions', 'store', 'telephony', 'wire'],
  admin: ['access', 'api', 'audit', 'domain', 'sessions', 'store', 'wire'],
  // The VICIdial drop-in: VICIdial's credential rule, commands written for VICIdial's screens, its live tables watched.
  vicidial: ['access', 'domain', 'events', 'sessions', 'store', 'telephony'],
  app: ['access', 'admin', 'api', 'audit', 'cluster', 'config', 'domain', 'events', 'leads', 'screen', 'sessions', 'store', 'telephony', 'vicidial'],
  demo: ['access', 'app', 'domain', 'store'],
  // The composition root and the entry point: the only folders that may import http/ and cli/.
  http: ['access', 'admin', 'api', 'app', 'audit', 'board', 'config', 'domain', 'events', 'leads', 'screen', 'sessions', 'store', 'telephony', 'wire'],
  cli: ['access', 'admin', 'api', 'app', 'config', 'demo', 'domain', 'http', 'leads', 'sessions', 'store', 'telephony'],
};

// Only the store knows its schema; the rest of the store may use it.
LAYERS.store.push('store-schema');

export default tseslint.config(
  { ignores: ['dist/**', 'packages/*/dist/**', 'packages/*/scripts/dist/**', 'node_modules/**', 'bench/results/**', 'coverage/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': [
        { type: 'store-schema', pattern: 'src/store/schema' },
        ...Object.keys(LAYERS)
          .filter((name) => name !== 'store-schema')
          .map((name) => ({ type: name, pattern: `src/${name}` })),
      ],
      'import/resolver': { typescript: { project: './tsconfig.json' } },
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          policies: Object.entries(LAYERS).map(([from, to]) => ({
            from: { element: { type: from } },
            allow: { to: { element: { types: { anyOf: [from, ...to] } } } },
          })),
        },
      ],
      // Domain code never sees VICIdial's table names: only the store does.
      'no-restricted-syntax': [
        'error',
        { selector: 'Literal[value=/^vicidial_[a-z0-9_]+$/]', message: "Only src/store names vicidial_* tables: ask a repository instead." },
        { selector: 'TemplateElement[value.raw=/^vicidial_[a-z0-9_]+$/]', message: "Only src/store names vicidial_* tables: ask a repository instead." },
      ],
    },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Tests read JSON bodies whose shape is the thing under test.
    files: ['test/**/*.ts', 'src/**/*.test.ts', 'packages/*/test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['src/store/**/*.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // The examples' pages are browser modules (examples/shared/ is shared with their Node scripts).
    files: ['examples/{screen-pop,buttons,shared}/**/*.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
