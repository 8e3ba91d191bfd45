import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CLI = join(__dirname, '..');

// a decorator and type-only lines make SWC's output longer than the source: line 12 here is not
// line 12 of the compiled code
const FIXTURE = `interface Input {
  n: number;
}
// a comment
@((target: unknown) => target as never)
class Decorated {}

export function fail(input: Input): never {
  const label: string = 'fixture';
  void label;
  void Decorated;
  throw new Error(\`failed \${input.n}\`);
}
`;

/** Runs `body` in a fresh node with the CLI's TypeScript loader registered; returns its stdout as JSON. */
function withLoader(dir: string, body: string): Record<string, unknown> {
  const script = `
    require(${JSON.stringify(join(CLI, 'bin', 'ts-loader.js'))}).register(${JSON.stringify(join(CLI, 'tsconfig.runtime.json'))});
    const loaded = () => Object.keys(require.cache).some((k) => k.includes('source-map-support'));
    ${body}`;
  const run = spawnSync(process.execPath, ['-e', script], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  if (run.status !== 0) throw new Error(`child failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as Record<string, unknown>;
}

describe('the CLI TypeScript loader (bin/ts-loader.js)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'apiscope-ts-loader-'));
    writeFileSync(join(dir, 'fixture.ts'), FIXTURE);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('should point stack traces at the TypeScript line, loading source map support only then', () => {
    const out = withLoader(
      dir,
      `const fixture = require('./fixture.ts');
       const before = loaded();
       let stack = '';
       try { fixture.fail({ n: 1 }); } catch (error) { stack = error.stack; }
       console.log(JSON.stringify({ before, after: loaded(), frame: stack.split('\\n')[1] }));`,
    );
    expect(out['before']).toBe(false);
    expect(out['after']).toBe(true);
    expect(out['frame']).toMatch(/fixture\.ts:12:\d+\)$/);
  });
});
