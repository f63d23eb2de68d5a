// `npm start` builds only when the sources changed since the last build: a
// digest of every input of the build (server and browser sources, configs,
// the lock file) is kept in dist/.build-digest, written after each build.
//   node scripts/build-if-changed.mjs          build when stale, then exit 0
//   node scripts/build-if-changed.mjs --write  record the current digest (end of `npm run build`)
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const digestFile = path.join(root, 'dist/.build-digest');
const INPUTS = ['src', 'web', 'package.json', 'package-lock.json', 'tsconfig.json', 'rolldown.config.js'];

function* files(entry) {
  const stat = fs.statSync(entry, { throwIfNoEntry: false });
  if (!stat) return;
  if (!stat.isDirectory()) {
    yield entry;
    return;
  }
  for (const name of fs.readdirSync(entry).sort()) yield* files(path.join(entry, name));
}

function digest() {
  const hash = createHash('sha256');
  for (const input of INPUTS)
    for (const file of files(path.join(root, input))) {
      if (file.endsWith('.test.ts')) continue; // tests are not part of the build
      hash.update(path.relative(root, file)).update('\0').update(fs.readFileSync(file)).update('\0');
    }
  return hash.digest('hex');
}

const current = digest();
if (process.argv.includes('--write')) {
  fs.writeFileSync(digestFile, `${current}\n`);
} else if ((fs.existsSync(digestFile) ? fs.readFileSync(digestFile, 'utf8').trim() : '') !== current) {
  console.log('agentgate: sources changed since the last build, building (a few seconds)…');
  const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
