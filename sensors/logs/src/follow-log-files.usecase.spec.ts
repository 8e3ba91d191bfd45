import {
  appendFileSync,
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  truncateSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

import { type LineLogFormat } from '@apiscope/logs';

import { followLogFiles, LOG_OFFSETS_FILE } from './follow-log-files.usecase';
import { type LogInputStats } from './log-input-stats.type';
import { MemorySink } from './memory-sink.util';

/** A combined line whose path carries its number, so every line can be accounted for. */
const line = (n: number) =>
  `10.0.0.${n % 250} - - [01/Mar/2024:12:${String(Math.floor(n / 60) % 60).padStart(2, '0')}:${String(n % 60).padStart(2, '0')} +0000] "GET /items/${n} HTTP/1.1" 200 ${n} "-" "load-test/1.0"\n`;
const lines = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => line(from + i)).join('');
const numbers = (sink: MemorySink) => sink.calls.map((c) => Number(c.request.path.split('/').pop()));
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

async function until(check: () => boolean, what: string, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

interface Follower {
  sink: MemorySink;
  stop(): Promise<LogInputStats[]>;
}

/** Followers still running when a test fails are stopped in afterEach, so jest can exit. */
const running = new Set<AbortController>();

function follow(
  paths: string[],
  dataDir: string,
  sink = new MemorySink(),
  format: LineLogFormat = 'nginx',
): Follower {
  const controller = new AbortController();
  running.add(controller);
  const run = followLogFiles(
    paths,
    {
      format,
      sensorId: 'edge',
      sink,
      warn: () => undefined,
      dataDir,
      pollMs: 10,
      quietMs: 100,
      retireMs: 300,
      blockLines: 20,
    },
    controller.signal,
  );
  return {
    sink,
    stop: async () => {
      controller.abort();
      running.delete(controller);
      return run;
    },
  };
}

describe(followLogFiles.name, () => {
  let dir: string;
  let log: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'apiscope-follow-'));
    log = join(dir, 'access.log');
  });
  afterEach(async () => {
    for (const controller of running) controller.abort();
    running.clear();
    await new Promise((r) => setTimeout(r, 50));
    rmSync(dir, { recursive: true, force: true });
  });

  it('should read the file, then what is appended, each line once', async () => {
    writeFileSync(log, lines(1, 50));
    const f = follow([log], dir);
    await until(() => f.sink.calls.length === 50, '50 events');
    appendFileSync(log, lines(51, 120));
    await until(() => f.sink.calls.length >= 120, '120 events');
    // a line still being written is not read until its line break arrives
    appendFileSync(log, line(121).slice(0, 30));
    await new Promise((r) => setTimeout(r, 100));
    expect(f.sink.calls).toHaveLength(120);
    appendFileSync(log, line(121).slice(30));
    await until(() => f.sink.calls.length === 121, '121 events');
    await f.stop();
    expect(numbers(f.sink)).toEqual(range(1, 121));
    expect(existsSync(join(dir, LOG_OFFSETS_FILE))).toBe(true);
  });

  it('should survive rename rotation, reading what a lagging writer still appends to the old file', async () => {
    writeFileSync(log, lines(1, 100));
    const f = follow([log], dir);
    await until(() => f.sink.calls.length === 100, '100 events');
    renameSync(log, `${log}.1`);
    appendFileSync(`${log}.1`, lines(101, 120)); // the server has not reopened its log yet
    writeFileSync(log, lines(121, 200));
    await until(() => f.sink.calls.length >= 200, '200 events');
    appendFileSync(`${log}.1`, lines(201, 205)); // still within the retire delay
    await until(() => f.sink.calls.length >= 205, '205 events');
    await f.stop();
    expect([...numbers(f.sink)].sort((a, b) => a - b)).toEqual(range(1, 205));
    expect(new Set(f.sink.calls.map((c) => c.id)).size).toBe(205);
  });

  it('should survive copytruncate, taking the lines the truncation removed from the copy', async () => {
    writeFileSync(log, lines(1, 100));
    const f = follow([log], dir);
    await until(() => f.sink.calls.length === 100, '100 events');
    // appended and rotated in one go: the follower never sees 101-130 in access.log itself
    appendFileSync(log, lines(101, 130));
    copyFileSync(log, `${log}.1`);
    truncateSync(log, 0);
    appendFileSync(log, lines(131, 150));
    await until(() => f.sink.calls.length >= 150, '150 events');
    await f.stop();
    expect([...numbers(f.sink)].sort((a, b) => a - b)).toEqual(range(1, 150));
    expect(new Set(f.sink.calls.map((c) => c.id)).size).toBe(150);
  });

  it('should resume after a restart where it stopped, without repeating a line', async () => {
    writeFileSync(log, lines(1, 50) + line(51).slice(0, 20));
    const first = follow([log], dir);
    await until(() => first.sink.calls.length === 50, '50 events');
    await first.stop();
    appendFileSync(log, line(51).slice(20) + lines(52, 80));
    const second = follow([log], dir);
    await until(() => second.sink.calls.length >= 30, '30 more events');
    await second.stop();
    expect(numbers(first.sink)).toEqual(range(1, 50));
    expect(numbers(second.sink)).toEqual(range(51, 80));
    // same content, same ids: the second run continues the first one's numbering
    expect(second.sink.calls[0].id.split(':').slice(0, 2)).toEqual(
      first.sink.calls[0].id.split(':').slice(0, 2),
    );
  });

  it('should finish a generation rotated and compressed while the sensor was stopped', async () => {
    writeFileSync(log, lines(1, 50));
    const first = follow([log], dir);
    await until(() => first.sink.calls.length === 50, '50 events');
    await first.stop();
    appendFileSync(log, lines(51, 60));
    writeFileSync(`${log}.1.gz`, gzipSync(readFileSync(log)));
    unlinkSync(log);
    writeFileSync(log, lines(61, 70));
    const second = follow([log], dir);
    await until(() => second.sink.calls.length >= 20, '20 more events');
    const [stats] = await second.stop();
    expect(numbers(second.sink)).toEqual(range(51, 70));
    expect(stats.warnings).toEqual([]);
  });

  it('should say so when a rotated-away generation cannot be found, then read the new file', async () => {
    writeFileSync(log, lines(1, 30));
    const first = follow([log], dir);
    await until(() => first.sink.calls.length === 30, '30 events');
    await first.stop();
    unlinkSync(log);
    writeFileSync(log, lines(31, 40));
    const second = follow([log], dir);
    await until(() => second.sink.calls.length >= 10, '10 events');
    const [stats] = await second.stop();
    expect(numbers(second.sink)).toEqual(range(31, 40));
    expect(stats.warnings).toEqual([
      expect.stringMatching(/rotated while the sensor was stopped .* lines after line 30/),
    ]);
  });

  it('should read a glob of a log and its rotated copies once each, even as rotation renames them', async () => {
    writeFileSync(`${log}.1`, lines(1, 40));
    writeFileSync(log, lines(41, 80));
    const f = follow([log, `${log}.1`], dir);
    await until(() => f.sink.calls.length === 80, '80 events');
    renameSync(`${log}.1`, `${log}.2`);
    renameSync(log, `${log}.1`);
    writeFileSync(log, lines(81, 100));
    await until(() => f.sink.calls.length >= 100, '100 events');
    await new Promise((r) => setTimeout(r, 500)); // past the retire delay: the renamed file is opened again
    await f.stop();
    expect([...numbers(f.sink)].sort((a, b) => a - b)).toEqual(range(1, 100));
  });

  it('should give Zeek rows after a restart their #fields header again', async () => {
    const zeek = join(dir, 'http.log');
    const header =
      '#separator \\x09\n#path\thttp\n#fields\tts\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tmethod\thost\turi\tstatus_code\n';
    const row = (n: number) =>
      `1700000000.${String(n).padStart(6, '0')}\t10.0.0.1\t4000\t10.0.0.2\t80\tGET\th\t/z/${n}\t200\n`;
    writeFileSync(zeek, header + Array.from({ length: 20 }, (_, i) => row(i + 1)).join(''));
    const first = follow([zeek], dir, new MemorySink(), 'zeek');
    await until(() => first.sink.calls.length === 20, '20 events');
    await first.stop();
    appendFileSync(zeek, row(21) + row(22));
    const second = follow([zeek], dir, new MemorySink(), 'zeek');
    await until(() => second.sink.calls.length >= 2, '2 events');
    await second.stop();
    expect(second.sink.calls.map((c) => c.request.path)).toEqual(['/z/21', '/z/22']);
  });
});
