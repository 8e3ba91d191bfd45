// Builds the web catalog (apps/ui) into apps/ui/dist, the files `apiscope up` serves at `/`.
// Runs after every `npm install` (root `prepare` script), so it skips the build when nothing it reads
// changed: a hash of the UI's sources, its configs and the installed Vite/React versions is kept in
// dist/.build-hash. `--force` builds anyway. Exit 1 on a failed build; a missing Vite (an install
// without dev dependencies) is a warning: the API runs without the catalog and says so at start.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

// Vite builds React's development bundle when NODE_ENV says so (Jest sets `test` for the browser
// tests that call this script): the catalog is always the production build.
process.env.NODE_ENV = 'production';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ui = join(root, 'apps', 'ui');
const dist = join(ui, 'dist');
const stamp = join(dist, '.build-hash');
const say = (line) => process.stdout.write(`build-ui: ${line}\n`);

function files(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.isFile() ? [join(dir, e.name)] : []));
}

function inputsHash() {
  const hash = createHash('sha256').update('production\0');
  const inputs = [
    ...files(join(ui, 'src')).filter((f) => !/\.spec\.tsx?$/.test(f)),
    ...files(join(ui, 'public')),
    ...['index.html', 'vite.config.ts', 'package.json', 'tsconfig.json'].map((f) => join(ui, f)),
  ];
  for (const file of inputs) hash.update(relative(ui, file)).update('\0').update(readFileSync(file));
  for (const dep of ['vite', 'react', 'react-dom', '@vitejs/plugin-react'])
    hash.update(
      `${dep}@${JSON.parse(readFileSync(join(root, 'node_modules', dep, 'package.json'), 'utf8')).version}`,
    );
  return hash.digest('hex');
}

const force = process.argv.includes('--force');
if (!existsSync(join(root, 'node_modules', 'vite'))) {
  say('vite is not installed (dev dependencies omitted?): the web catalog is not built');
  process.exit(0);
}
const hash = inputsHash();
if (
  !force &&
  existsSync(join(dist, 'index.html')) &&
  existsSync(stamp) &&
  readFileSync(stamp, 'utf8') === hash
) {
  say('apps/ui/dist is up to date');
  process.exit(0);
}
const started = Date.now();
const { build } = await import('vite');
try {
  await build({ root: ui, configFile: join(ui, 'vite.config.ts'), logLevel: 'warn', mode: 'production' });
} catch (error) {
  say(`FAILED: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
writeFileSync(stamp, hash);
const size = files(dist).reduce((n, f) => n + statSync(f).size, 0);
say(`built apps/ui/dist (${(size / 1024).toFixed(0)} KiB) in ${((Date.now() - started) / 1000).toFixed(1)}s`);
