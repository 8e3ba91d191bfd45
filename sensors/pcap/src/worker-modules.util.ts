import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

interface SwcCore {
  transformSync(code: string, options: object): { code: string };
}

const SWC_OPTIONS = (filename: string) => ({
  filename,
  jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
  module: { type: 'commonjs' },
  sourceMaps: false,
});

/** Where a `require` of a workspace TypeScript module lands, or undefined for anything else. */
function resolveTypeScript(spec: string, from: string): string | undefined {
  if (spec.startsWith('.')) {
    const base = resolve(dirname(from), spec);
    return [`${base}.ts`, join(base, 'index.ts')].find((f) => existsSync(f));
  }
  if (!spec.startsWith('@apiscope/')) return undefined;
  const manifest = createRequire(from).resolve(`${spec}/package.json`);
  const main = (JSON.parse(readFileSync(manifest, 'utf8')) as { main?: string }).main ?? './src/index.ts';
  return resolve(dirname(manifest), main);
}

let cache: Record<string, string> | undefined;

const SWC_VERSION = (createRequire(__filename)('@swc/core/package.json') as { version: string }).version;

const CACHE_DIR = resolve(__dirname, '..', '..', '..', 'node_modules', '.cache', 'apiscope-worker');

/** SWC output of one file, from a disk cache keyed by path, size and mtime when it was seen before. */
function compileFile(file: string, swc: () => SwcCore): string {
  const stat = statSync(file);
  const key = createHash('sha1')
    .update(`${file}\0${stat.size}\0${stat.mtimeMs}\0${JSON.stringify(SWC_OPTIONS(''))}\0${SWC_VERSION}`)
    .digest('hex');
  const cached = join(CACHE_DIR, `${key}.js`);
  if (existsSync(cached)) return readFileSync(cached, 'utf8');
  const code = swc().transformSync(readFileSync(file, 'utf8'), SWC_OPTIONS(file)).code;
  try {
    mkdirSync(CACHE_DIR, { recursive: true });
    writeFileSync(`${cached}.${process.pid}.tmp`, code);
    renameSync(`${cached}.${process.pid}.tmp`, cached);
  } catch {
    // a read-only checkout: compile again next time
  }
  return code;
}

/**
 * The worker's TypeScript modules (its entry and every workspace module it reaches) compiled here
 * with SWC (cached on disk), once for all workers. Workers run this code directly instead of each
 * loading an on-the-fly compiler, which would cost them 0.1-0.3 s of CPU each at start.
 */
export function compileWorkerModules(entry: string): Record<string, string> {
  if (cache !== undefined) return cache;
  let core: SwcCore | undefined;
  const swc = () => (core ??= createRequire(__filename)('@swc/core') as SwcCore);
  const modules: Record<string, string> = {};
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (file in modules) continue;
    const code = compileFile(file, swc);
    modules[file] = code;
    for (const match of code.matchAll(/require\("([^"]+)"\)/g)) {
      const target = resolveTypeScript(match[1], file);
      if (target !== undefined) queue.push(target);
    }
  }
  cache = modules;
  return modules;
}

/**
 * Worker bootstrap (run with `eval`): `.ts` files are served from the precompiled map; a module
 * missing from it is compiled there and then with SWC, so nothing breaks if the map is incomplete.
 */
export const WORKER_BOOTSTRAP = `
const Module = require('node:module');
const { readFileSync } = require('node:fs');
const { workerData } = require('node:worker_threads');
const modules = workerData.modules;
let swc;
Module._extensions['.ts'] = function (module, filename) {
  let code = modules[filename];
  if (code === undefined) {
    swc ??= require('@swc/core');
    code = swc.transformSync(readFileSync(filename, 'utf8'), ${JSON.stringify(SWC_OPTIONS('FILE')).replace('"FILE"', 'filename')}).code;
  }
  module._compile(code, filename);
};
require(workerData.entry);
`;
