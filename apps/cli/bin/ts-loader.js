'use strict';
// Runs the TypeScript sources of the apiscope command: a require hook for `.ts` files that compiles
// with SWC (@swc-node/core, the compiler @swc-node/register uses, with the options it derives from
// the same tsconfig) and keeps the output in a cache on disk, keyed by file, size, mtime and
// options. Unlike @swc-node/register it does not load the TypeScript package to read tsconfig
// (~0.3 s of CPU per start) and, once warm, compiles nothing: `apiscope` starts in a fraction of the time.
const crypto = require('node:crypto');
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');

function compilerOptions(file) {
  const json = JSON.parse(fs.readFileSync(file, 'utf8'));
  const base = json.extends ? compilerOptions(path.resolve(path.dirname(file), json.extends)) : {};
  return { ...base, ...json.compilerOptions };
}

/** The option set @swc-node/register passes to @swc-node/core for these compiler options (CommonJS output). */
function swcOptions(ts) {
  const target = String(ts.target ?? 'ES2018').toLowerCase();
  return {
    module: 'commonjs',
    target,
    sourcemap: 'inline',
    experimentalDecorators: Boolean(ts.experimentalDecorators),
    emitDecoratorMetadata: Boolean(ts.emitDecoratorMetadata),
    useDefineForClassFields:
      ts.useDefineForClassFields ?? ['es2022', 'es2023', 'es2024', 'esnext'].includes(target),
    esModuleInterop: Boolean(ts.esModuleInterop),
    dynamicImport: true,
    keepClassNames: true,
    externalHelpers: Boolean(ts.importHelpers),
  };
}

function register(tsconfig) {
  const options = swcOptions(compilerOptions(tsconfig));
  let core; // the compiler (a native module) is loaded on the first cache miss only
  const swcVersion = require('@swc/core/package.json').version;
  const salt = JSON.stringify([options, swcVersion, 1]);
  const cacheDir = path.join(__dirname, '..', '..', '..', 'node_modules', '.cache', 'apiscope-ts');
  let cacheUsable = true;
  try {
    fs.mkdirSync(cacheDir, { recursive: true });
  } catch {
    cacheUsable = false;
  }
  const sourceMaps = lazySourceMaps();
  Module._extensions['.ts'] = function compileTs(module, filename) {
    const stat = fs.statSync(filename);
    const key = crypto
      .createHash('sha1')
      .update(`${salt}\0${filename}\0${stat.size}\0${stat.mtimeMs}`)
      .digest('hex');
    const cached = path.join(cacheDir, `${key}.js`);
    let code;
    if (cacheUsable) {
      try {
        code = fs.readFileSync(cached, 'utf8');
      } catch {
        code = undefined;
      }
    }
    if (code === undefined) {
      core ??= require('@swc-node/core');
      code = core.transformSync(fs.readFileSync(filename, 'utf8'), filename, options).code;
      if (cacheUsable) {
        try {
          const temporary = `${cached}.${process.pid}.tmp`;
          fs.writeFileSync(temporary, code);
          fs.renameSync(temporary, cached);
        } catch {
          cacheUsable = false;
        }
      }
    }
    sourceMaps.compiled(filename, code, cacheUsable ? cached : undefined);
    module._compile(code, filename);
  };
}

/** The source map SWC wrote inline at the end of `code`, as JSON text, or undefined. */
function inlineSourceMap(code) {
  const marker = '//# sourceMappingURL=data:application/json;base64,';
  const at = code.lastIndexOf(marker);
  return at === -1
    ? undefined
    : Buffer.from(code.slice(at + marker.length).trim(), 'base64').toString('utf8');
}

/**
 * Stack traces that point into the TypeScript sources. source-map-support (~15 ms to load) is
 * installed when the first stack trace is formatted, not at every start, and it finds the maps SWC
 * wrote inline in the compiled code, which are read back only then: @swc-node/sourcemap-support
 * looks them up in its SourcemapMap, which only @swc-node/register fills, so before this the
 * lines were those of the compiled JavaScript.
 */
function lazySourceMaps() {
  // file -> where its compiled code is (the cache file, or the code when there is no cache)
  const compiled = new Map();
  let support;
  const remember = (file, code) => {
    const map = inlineSourceMap(code);
    if (map !== undefined) support.SourcemapMap.set(file, map);
  };
  Error.prepareStackTrace = function prepareStackTraceWithSourceMaps(error, frames) {
    Error.prepareStackTrace = undefined;
    support = require('@swc-node/sourcemap-support');
    for (const [file, where] of compiled) {
      try {
        remember(file, where.code ?? fs.readFileSync(where.path, 'utf8'));
      } catch {
        // a cache file removed meanwhile: that file's frames keep compiled line numbers
      }
    }
    compiled.clear();
    support.installSourceMapSupport();
    return Error.prepareStackTrace(error, frames);
  };
  return {
    compiled(file, code, cachePath) {
      if (support !== undefined) remember(file, code);
      else compiled.set(file, cachePath === undefined ? { code } : { path: cachePath });
    },
  };
}

module.exports = { register };
