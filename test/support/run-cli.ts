import { spawn } from 'node:child_process';

import { CLI_BIN, REPO_ROOT } from './corpus';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `apiscope` command in a child process, as a user or a CI script would. */
export function runCli(
  args: string[],
  env: NodeJS.ProcessEnv = {},
  input?: Buffer | string,
): Promise<CliResult> {
  return runNode([CLI_BIN, ...args], env, input);
}

/** `node` itself with these arguments: V8 flags go before the script, where runCli cannot put them. */
export function runNode(
  args: string[],
  env: NodeJS.ProcessEnv = {},
  input?: Buffer | string,
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env },
      stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    if (input !== undefined) child.stdin?.end(input);
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
