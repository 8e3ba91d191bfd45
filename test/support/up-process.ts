import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { CLI_BIN, REPO_ROOT } from './corpus';

export interface UpProcess {
  url: string;
  key: string;
  /** everything the process wrote to stderr so far (its log) */
  log(): string;
  stop(): Promise<void>;
  /** SIGKILL: no shutdown at all, as a crash or the OOM killer ends it. */
  kill(): Promise<void>;
}

/**
 * `apiscope up` as a user runs it, in a child process on a random port and the given data directory.
 * Resolves once the log shows `ready` (a line of its own: the URL line, or the demo's ingest report).
 */
export function startUp(
  dataDir: string,
  args: string[],
  ready: RegExp,
  timeoutMs = 60_000,
): Promise<UpProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    [CLI_BIN, 'up', '--data', dataDir, '--port', '0', ...args],
    { cwd: REPO_ROOT, env: { ...process.env, APISCOPE_API_KEY: '' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let log = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`apiscope up did not get ready in ${timeoutMs} ms:\n${log}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      const url = /apiscope is up at (https?:\/\/\S+)/.exec(log)?.[1];
      if (url && ready.test(log)) {
        clearTimeout(timer);
        child.stderr?.off('data', onData);
        child.stderr?.on('data', (more: Buffer) => (log += more.toString()));
        const key = readFileSync(join(dataDir, 'api-key'), 'utf8').trim();
        const kill = async () => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
          await exited;
        };
        resolve({ url, key, log: () => log, stop, kill });
      }
    };
    child.stderr?.on('data', onData);
    child.stdout?.resume();
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`apiscope up exited with ${code}:\n${log}`));
    });
  });
}
