import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type CallRecord, aggregateEndpointStats } from '@apiscope/inventory';

import { CallRepository } from './call.repository';
import { CallVolumeRepository } from './call-volume.repository';
import { ClickHouseStore } from './clickhouse-store';
import { DeadLetterRepository } from './dead-letter.repository';
import { EndpointRepository } from './endpoint.repository';
import { InferenceStateRepository } from './inference-state.repository';
import { InventoryVersionRepository } from './inventory-version.repository';
import { runMigrations } from './migration.runner';
import { ReferenceSpecRepository } from './reference-spec.repository';
import { StorageException, StorageExceptionCode } from './storage.exception';

const H = 3_600_000;
const T0 = Date.UTC(2026, 0, 1);

const call = (over: Partial<CallRecord>): CallRecord => ({
  ts: T0,
  callId: 'c',
  sensorId: 's',
  sensorKind: 'har',
  service: 'a.test',
  method: 'GET',
  path: '/x',
  pathTemplate: '/x',
  status: 200,
  durationMs: 1,
  srcIp: '10.0.0.1',
  dstIp: '10.0.0.2',
  dstPort: 80,
  authSchemes: [],
  credentials: 'present',
  requestSize: 0,
  responseSize: 0,
  incomplete: false,
  ...over,
});

describe('storage reads of the REST API', () => {
  let dir: string;
  let store: ClickHouseStore;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'apiscope-reads-'));
    store = await ClickHouseStore.open({ dataDir: dir, database: 'apiscope_reads', queryTimeoutMs: 1000 });
    await runMigrations(store);
    // a.test: /x 3 calls (last at T0+2h), /y 1 call (T0+5h), POST /x 2 calls (T0+1h); b.test: /z 2 calls
    const calls = [
      call({ callId: '1', ts: T0 }),
      call({ callId: '2', ts: T0 + H, status: 404 }),
      call({ callId: '3', ts: T0 + 2 * H, status: 503 }),
      call({ callId: '4', ts: T0 + 5 * H, path: '/y', pathTemplate: '/y', status: 0 }),
      call({ callId: '5', ts: T0, method: 'POST' }),
      call({ callId: '6', ts: T0 + H, method: 'POST' }),
      call({ callId: '7', ts: T0 + 25 * H, service: 'b.test', path: '/z', pathTemplate: '/z' }),
      call({ callId: '8', ts: T0 + 25 * H, service: 'b.test', path: '/z', pathTemplate: '/z' }),
    ];
    await new CallRepository(store).insert(calls, 'batch-1');
    await new EndpointRepository(store).insertStats(aggregateEndpointStats(calls), 'batch-1');
  });

  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('should count calls per service and bucket with error classes', async () => {
    const volume = new CallVolumeRepository(store);
    const hours = await volume.list({ interval: 'hour', from: T0, to: T0 + 24 * H, limit: 100 });
    expect(hours).toEqual([
      { service: 'a.test', bucket: T0, calls: 2, clientErrors: 0, serverErrors: 0, unanswered: 0 },
      { service: 'a.test', bucket: T0 + H, calls: 2, clientErrors: 1, serverErrors: 0, unanswered: 0 },
      { service: 'a.test', bucket: T0 + 2 * H, calls: 1, clientErrors: 0, serverErrors: 1, unanswered: 0 },
      { service: 'a.test', bucket: T0 + 5 * H, calls: 1, clientErrors: 0, serverErrors: 0, unanswered: 1 },
    ]);
    const days = await volume.list({ interval: 'day', from: T0, to: T0 + 48 * H, limit: 100 });
    expect(days.map((d) => [d.service, d.bucket, d.calls])).toEqual([
      ['a.test', T0, 6],
      ['b.test', T0 + 24 * H, 2],
    ]);
    const after = await volume.list({
      interval: 'hour',
      from: T0,
      to: T0 + 24 * H,
      limit: 100,
      after: { bucket: T0 + H, service: 'a.test' },
    });
    expect(after.map((r) => r.bucket)).toEqual([T0 + 2 * H, T0 + 5 * H]);
    const one = await volume.list({
      interval: 'day',
      from: T0,
      to: T0 + 48 * H,
      limit: 100,
      service: 'a.test',
      method: 'POST',
      pathTemplate: '/x',
    });
    expect(one.map((r) => r.calls)).toEqual([2]);
  });

  it('should store a dead letter without a token even after an insert with one (chdb keeps settings per session)', async () => {
    const letters = new DeadLetterRepository(store);
    await letters.insert([{ source: 'a', eventId: '1', sensorId: 's', reason: 'r', excerpt: 'x' }], 'tok');
    await letters.insert([{ source: 'a', eventId: '2', sensorId: 's', reason: 'r', excerpt: 'y' }]);
    await letters.insert([{ source: 'b', eventId: '3', sensorId: 't', reason: 'r', excerpt: 'z' }]);
    // a re-sent batch with its token is still dropped
    await letters.insert([{ source: 'a', eventId: '1', sensorId: 's', reason: 'r', excerpt: 'x' }], 'tok');
    expect(await letters.count()).toBe(3);
    const all = await letters.page({ limit: 10 });
    expect(all.map((l) => l.eventId).sort()).toEqual(['1', '2', '3']);
    const first = await letters.page({ limit: 1 });
    const rest = await letters.page({ limit: 10, before: { ts: first[0].ts, key: first[0].key } });
    expect([...first, ...rest].map((l) => l.eventId)).toEqual(all.map((l) => l.eventId));
    expect((await letters.page({ limit: 10, source: 'b' })).map((l) => l.eventId)).toEqual(['3']);
    expect(await letters.page({ limit: 10, sensorId: 't', since: first[0].ts + 60_000 })).toEqual([]);
  });

  it('should stop a read that runs past the query timeout with a TIMEOUT storage error', async () => {
    const slow = store.select('SELECT count() FROM numbers(100000000000) WHERE sipHash64(number) % 7 = 1');
    await expect(slow).rejects.toBeInstanceOf(StorageException);
    await expect(slow).rejects.toMatchObject({ code: StorageExceptionCode.TIMEOUT });
  });

  it('should change the inventory fingerprint with every write the inventory is built from, and only then', async () => {
    const version = new InventoryVersionRepository(store);
    const state = new InferenceStateRepository(store);
    const seen = [await version.current()];
    expect(await version.current()).toBe(seen[0]);
    const writes: Array<() => Promise<unknown>> = [
      () => new CallRepository(store).insert([call({ callId: 'v1', path: '/v', pathTemplate: '/v' })], 'v-1'),
      () =>
        new EndpointRepository(store).insertStats(
          aggregateEndpointStats([call({ callId: 'v1', path: '/v', pathTemplate: '/v' })]),
          'v-1',
        ),
      () => state.saveTemplaters([{ service: 'a.test', state: '{}' }]),
      () => state.saveProfiles([{ service: 'a.test', method: 'GET', pathTemplate: '/v', profile: '{}' }]),
      () => state.saveCorrection({ service: 'a.test', action: 'pin', template: '/v' }),
      () =>
        new ReferenceSpecRepository(store).add(
          { service: 'a.test', title: 't', openapiVersion: '3.1.0', basePath: '', operations: [] },
          '{}',
        ),
    ];
    for (const write of writes) {
      await write();
      const now = await version.current();
      expect(seen).not.toContain(now);
      seen.push(now);
    }
    // reads and writes to other tables leave it alone
    await new DeadLetterRepository(store).insert([
      { source: 'a', eventId: 'v', sensorId: 's', reason: 'r', excerpt: '' },
    ]);
    expect(await version.current()).toBe(seen[seen.length - 1]);
  });
});
