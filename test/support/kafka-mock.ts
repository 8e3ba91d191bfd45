import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

const SOURCE = resolve(__dirname, '..', 'kafka', 'kafka-mock.c');
const BINARY = resolve(__dirname, '..', 'kafka', 'kafka-mock');

export interface KafkaMock {
  brokers: string[];
  stop(): Promise<void>;
}

/** Builds the launcher once (gcc + librdkafka-dev, installed by .ci/run). */
function ensureBinary(): string {
  if (!existsSync(BINARY) || statSync(BINARY).mtimeMs < statSync(SOURCE).mtimeMs) {
    execFileSync('cc', ['-O2', '-Wall', '-o', BINARY, SOURCE, '-lrdkafka'], { stdio: 'pipe' });
  }
  return BINARY;
}

/**
 * Starts librdkafka's mock cluster with the given topics (`name:partitions`) on a loopback port.
 * `KAFKA_BROKERS` pointing at a real cluster skips the mock (the topics must exist there).
 */
export async function startKafkaMock(topics: string[], brokers = 1): Promise<KafkaMock> {
  const real = process.env['KAFKA_BROKERS'];
  if (real) return { brokers: real.split(','), stop: () => Promise.resolve() };
  const child: ChildProcess = spawn(ensureBinary(), [String(brokers), ...topics], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const bootstrap = await new Promise<string>((resolveLine, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`kafka mock did not start: ${err}`)), 10_000);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /^BOOTSTRAP (\S+)$/m.exec(out);
      if (m) {
        clearTimeout(timer);
        resolveLine(m[1]);
      }
    });
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`kafka mock exited with ${code}: ${err}`));
    });
  });
  return {
    brokers: bootstrap.split(','),
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        // a launcher stuck in librdkafka's teardown must not hold the test run open
        const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
        child.once('exit', () => {
          clearTimeout(kill);
          done();
        });
        child.kill('SIGTERM');
      }),
  };
}
