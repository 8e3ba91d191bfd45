import { type ChildProcess, spawn } from 'node:child_process';

import { type ChunkSource, streamSource } from './chunk-source.util';
import { PcapSensorException, PcapSensorExceptionCode } from './pcap-sensor.exception';

export interface LiveCapture {
  source: ChunkSource;
  /** Stops tcpdump; the source then ends after the packets already written. */
  stop(): void;
}

/**
 * Live capture through tcpdump (Debian package `tcpdump`): `tcpdump -i IF -w - -U [expr]` writes
 * classic pcap to stdout, flushed per packet (-U) so exchanges come out as they complete. Its
 * stderr (the "listening on" line, permission errors) is passed through.
 */
export function startLiveCapture(
  iface: string,
  bpf: string | undefined,
  tcpdumpPath = 'tcpdump',
): LiveCapture {
  const args = ['-i', iface, '-w', '-', '-U', '-n', ...(bpf !== undefined && bpf.trim() !== '' ? [bpf] : [])];
  let child: ChildProcess;
  try {
    child = spawn(tcpdumpPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (cause) {
    throw new PcapSensorException(
      PcapSensorExceptionCode.LIVE_CAPTURE_FAILED,
      `cannot start tcpdump: ${String(cause)}`,
    );
  }
  const stdout = child.stdout;
  if (stdout === null)
    throw new PcapSensorException(PcapSensorExceptionCode.LIVE_CAPTURE_FAILED, 'tcpdump has no stdout');
  child.stderr?.on('data', (d: Buffer) => process.stderr.write(`tcpdump: ${d.toString()}`));
  const failure = new Promise<never>((_, reject) => {
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        new PcapSensorException(
          PcapSensorExceptionCode.LIVE_CAPTURE_FAILED,
          error.code === 'ENOENT'
            ? 'tcpdump is not installed (apt-get install tcpdump)'
            : `tcpdump failed: ${error.message}`,
        ),
      ),
    );
  });
  failure.catch(() => undefined);
  const inner = streamSource(stdout);
  let exitCode: number | null = null;
  child.on('exit', (code) => (exitCode = code));
  return {
    source: {
      read: async (into) => {
        const n = await Promise.race([inner.read(into), failure]);
        if (n === 0 && exitCode !== null && exitCode !== 0)
          throw new PcapSensorException(
            PcapSensorExceptionCode.LIVE_CAPTURE_FAILED,
            `tcpdump exited with code ${exitCode}`,
          );
        return n;
      },
      close: async () => {
        child.kill('SIGTERM');
        await inner.close();
      },
    },
    stop: () => child.kill('SIGINT'),
  };
}
