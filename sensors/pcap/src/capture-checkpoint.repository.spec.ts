import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { CaptureCheckpointRepository, PCAP_RESUME_DIR } from './capture-checkpoint.repository';

const settings = { sensorId: 's', workers: 2, maxBodyBytes: 100, maxFlows: null, memoryLimitBytes: null };

describe(CaptureCheckpointRepository.name, () => {
  let dir: string;
  let capture: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'apiscope-checkpoint-'));
    capture = join(dir, 'c.pcap');
    writeFileSync(capture, Buffer.alloc(100_000, 7));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const open = (overrides: Partial<typeof settings> = {}, sink = 'stdout') =>
    CaptureCheckpointRepository.open(join(dir, 'data'), capture, { ...settings, ...overrides }, sink);

  it('should keep a pending batch until it is committed, then count it per shard', async () => {
    const store = await open();
    const batch = store.begin([1, 1], ['{"id":"a"}', '{"id":"b"}']);
    const killed = await open();
    expect(killed.pending).toEqual(batch);
    killed.commit(batch);
    const after = await open();
    expect(after.pending).toBeUndefined();
    expect(after.checkpoint).toMatchObject({ batches: 1, delivered: [1, 1], complete: false });
  });

  it('should find the checkpoint of a renamed capture by its content', async () => {
    const store = await open();
    store.commit(store.begin([0, 1], ['{"id":"a"}']));
    const moved = join(dir, 'moved.pcap');
    writeFileSync(moved, Buffer.alloc(100_000, 7));
    const again = await CaptureCheckpointRepository.open(join(dir, 'data'), moved, settings, 'stdout');
    expect(again.checkpoint.delivered).toEqual([0, 1]);
  });

  it.each([
    [{ sensorId: 'other' }, 'stdout', /--sensor-id "s", now "other"/],
    [{ maxBodyBytes: 5 }, 'stdout', /--max-body 100, now 5/],
    [{}, 'http://elsewhere:8080', /sink "stdout", now "http:\/\/elsewhere:8080"/],
  ])('should refuse to resume with other settings (%j, %s)', async (overrides, sink, reason) => {
    const store = await open();
    store.commit(store.begin([1, 0], ['{"id":"a"}']));
    await expect(open(overrides, sink)).rejects.toThrow(reason);
  });

  it('should refuse a capture that grew since its checkpoint', async () => {
    const store = await open();
    store.commit(store.begin([1, 0], ['{"id":"a"}']));
    writeFileSync(capture, Buffer.alloc(200_000, 7));
    await expect(open()).rejects.toThrow(/made when the capture was 100000 bytes, now 200000: it changed/);
  });

  it('should refuse a corrupt pending batch instead of dropping or repeating it', async () => {
    const store = await open();
    store.begin([1, 1], ['{"id":"a"}', '{"id":"b"}']);
    const file = readdirSync(join(dir, 'data', PCAP_RESUME_DIR)).find((f) => f.endsWith('.pending.ndjson'));
    writeFileSync(
      join(dir, 'data', PCAP_RESUME_DIR, file as string),
      '{"batch":1,"counts":[1,1]}\n{"id":"a"}\n',
    );
    await expect(open()).rejects.toThrow(/not a usable apiscope pcap checkpoint \(it holds 1 events/);
  });

  it('should drop a pending batch the checkpoint already counts (crash between rename and removal)', async () => {
    const store = await open();
    const batch = store.begin([1, 0], ['{"id":"a"}']);
    store.commit(batch);
    const pendingFile = join(
      dir,
      'data',
      PCAP_RESUME_DIR,
      readdirSync(join(dir, 'data', PCAP_RESUME_DIR))[0].replace('.json', '.pending.ndjson'),
    );
    writeFileSync(pendingFile, `${JSON.stringify({ batch: 1, counts: [1, 0] })}\n{"id":"a"}\n`);
    const again = await open();
    expect(again.pending).toBeUndefined();
    expect(existsSync(pendingFile)).toBe(true);
  });
});
