import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';

const MAGIC = /[*?[]/;

/** `access.log*`, `app-?.log`, `[ab].log` as a RegExp over one path segment. */
function segmentPattern(glob: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close === -1) out += '\\[';
      else {
        const body = glob
          .slice(i + 1, close)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\');
        out += `[${body}]`;
        i = close;
      }
    } else out += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

/**
 * Expands `--file` arguments: a path is kept as given; a pattern with `*`, `?` or `[...]` in any
 * segment matches existing regular files, sorted so rotated files (`access.log.2.gz`, `.1`) come
 * in a stable order. Node 20 has no fs.glob, and one small matcher beats a dependency.
 */
export function expandFileArgument(argument: string): string[] {
  if (!MAGIC.test(argument)) return [argument];
  const absolute = isAbsolute(argument) ? argument : resolve(argument);
  const segments = absolute.split('/').filter((s) => s !== '');
  let candidates = ['/'];
  segments.forEach((segment, index) => {
    const last = index === segments.length - 1;
    const next: string[] = [];
    for (const dir of candidates) {
      if (!MAGIC.test(segment)) {
        next.push(join(dir, segment));
        continue;
      }
      const pattern = segmentPattern(segment);
      let names: string[] = [];
      try {
        names = readdirSync(dir);
      } catch {
        continue;
      }
      for (const name of names.sort()) {
        if (!pattern.test(name) || (name.startsWith('.') && !segment.startsWith('.'))) continue;
        next.push(join(dir, name));
      }
    }
    candidates = last ? next.filter(isFile) : next.filter(isDirectory);
  });
  // a relative pattern gives relative paths, as a shell would
  return isAbsolute(argument) ? candidates : candidates.map((c) => relative(process.cwd(), c));
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Files in the directory of `path` whose names start with its name: where rotation puts copies. */
export function rotatedSiblings(path: string): string[] {
  const dir = dirname(path);
  const name = basename(path);
  try {
    return readdirSync(dir)
      .filter((n) => n !== name && n.startsWith(name))
      .sort()
      .map((n) => join(dir, n))
      .filter(isFile);
  } catch {
    return [];
  }
}
