import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { REPO_ROOT } from './corpus';

/**
 * Validates an OpenAPI document with @apidevtools/swagger-parser in a child node process: the
 * parser's dependencies ship as ES modules, which Jest's CommonJS runtime cannot load.
 * Resolves with undefined when valid, else with the parser's message.
 */
export function validateOpenApi(document: unknown, dir: string): Promise<string | undefined> {
  const file = join(dir, 'openapi-under-test.json');
  writeFileSync(file, JSON.stringify(document));
  const script = `
    import('@apidevtools/swagger-parser').then(async ({ default: SwaggerParser }) => {
      try { await SwaggerParser.validate(${JSON.stringify(file)}); process.stdout.write('valid'); }
      catch (error) { process.stdout.write(String(error && error.message || error)); }
    });`;
  return new Promise((resolve, reject) =>
    execFile(process.execPath, ['-e', script], { cwd: REPO_ROOT }, (error, stdout) =>
      error ? reject(new Error(error.message)) : resolve(stdout === 'valid' ? undefined : stdout),
    ),
  );
}
