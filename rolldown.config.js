// The server's build: src/ bundled into a few files in dist/, dependencies included.
// Why: Node 20 loads about a thousand module files to start agentgate from a
// tree of modules; from the bundle `serve` answers in about 0.6 s instead of
// 1 s, and idles in about 25 MiB less memory (bench/startup.mjs,
// bench/serve-memory.mjs). Commands
// used now and then (seed-demo, leads load, the MySQL driver) stay chunks of
// their own, loaded when first used.
import { defineConfig } from 'rolldown';

export default defineConfig({
  input: { 'cli/main': 'src/cli/main.ts', embed: 'src/embed.ts' },
  platform: 'node',
  // Native addons find their binary beside their own package: they stay in node_modules.
  external: ['better-sqlite3', /^@node-rs\/bcrypt/],
  output: {
    dir: 'dist',
    // A new build replaces the old one (chunk names carry a hash); the browser screens are built into dist/web after it.
    cleanDir: true,
    format: 'esm',
    chunkFileNames: 'chunks/[name]-[hash].js',
    // Not read by default: `node --enable-source-maps dist/cli/main.js` maps a stack trace to src/.
    sourcemap: true,
  },
});
