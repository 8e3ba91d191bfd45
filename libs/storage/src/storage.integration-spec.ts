import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type CallRecord, type EndpointStats, aggregateEndpointStats } from '@apiscope/inventory';

import { CallRepository } from './call.repository';
import { ClickHouseStore } from './clickhouse-store';
import { DeadLetterRepository } from './dead-letter.repository';
import { EndpointRepository } from './endpoint.repository';
import { loadMigrations, runMigrations } from './migration.runner';
import { StorageException } from './storage.exception';

const record = (over: Partial<CallRecord>): CallRecord => ({
  ts: Date.UTC(2026, 0, 1),
  callId: 'c',
  sensorId: 's',
  sensorKind: 'har',
  service: 'api.test',
  method: 'GET',
  path: '/users/1',
  pathTemplate: '/users/{userId}',
  status: 200,
  durationMs: 10,
  srcIp: '10.0.0.1',
  dstIp: '10.0.0.2',
  dstPort: 80,
  authSchemes: [],
  credentials: 'absent',
  requestSize: 0,
  responseSize: 5,
  incomplete: false,
  ...over,
});

describe(ClickHouseStore.name, () => {
  let dir: string;
  let store: ClickHouseStore;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'apiscope-storage-'));
    store = await ClickHouseStore.open({ dataDir: dir, database: 'apiscope_test' });
  });

  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('should start the embedded engine with a small idle thread pool, so bursts leave no open files', async () => {
    const rows = await store.client
      .query({
        query: "SELECT value FROM system.server_settings WHERE name = 'max_thread_pool_free_size'",
        format: 'JSONEachRow',
      })
      .then((r) => r.json<{ value: string }>());
    expect(rows).toEqual([{ value: '4' }]);
  });

  it('should refuse a database name that is not an identifier', async () => {
    await expect(ClickHouseStore.open({ dataDir: dir, database: 'x; DROP TABLE y' })).rejects.toBeInstanceOf(
      StorageException,
    );
  });

  it('should apply every migration once and make a second run a no-op', async () => {
    const versions = loadMigrations().map((m) => m.version);
    expect(await runMigrations(store)).toEqual({ applied: versions, alreadyApplied: [] });
    expect(await runMigrations(store)).toEqual({ applied: [], alreadyApplied: versions });
  });

  it('should merge per-batch deltas and drop a re-sent batch', async () => {
    const endpoints = new EndpointRepository(store);
    const calls = new CallRepository(store);
    const batch1 = [
      record({ callId: 'a', ts: Date.UTC(2026, 0, 1, 10) }),
      record({
        callId: 'b',
        ts: Date.UTC(2026, 0, 1, 9),
        status: 404,
        durationMs: 30,
        credentials: 'present',
        authSchemes: ['bearer'],
      }),
    ];
    const batch2 = [
      record({ callId: 'c', ts: Date.UTC(2026, 0, 2), status: 0, durationMs: null }),
      record({ callId: 'd', method: 'POST', pathTemplate: '/users', path: '/users', status: 201 }),
    ];
    await calls.insert(batch1, 'batch-1');
    await endpoints.insertStats(aggregateEndpointStats(batch1), 'batch-1');
    await calls.insert(batch2, 'batch-2');
    await endpoints.insertStats(aggregateEndpointStats(batch2), 'batch-2');
    // a retry of batch 1 after a lost acknowledgement
    await calls.insert(batch1, 'batch-1');
    await endpoints.insertStats(aggregateEndpointStats(batch1), 'batch-1');

    expect(await calls.count()).toBe(4);
    const all = await endpoints.all();
    expect(all).toEqual<EndpointStats[]>([
      {
        service: 'api.test',
        method: 'GET',
        pathTemplate: '/users/{userId}',
        calls: 3,
        firstSeen: Date.UTC(2026, 0, 1, 9),
        lastSeen: Date.UTC(2026, 0, 2),
        statusCodes: { '0': 1, '200': 1, '404': 1 },
        authSchemes: ['bearer'],
        credentialedCalls: 1,
        uncredentialedCalls: 2,
        unauthenticatedSuccesses: 1,
        uncredentialedStatusCodes: { '0': 1, '200': 1 },
        timedCalls: 2,
        durationMsSum: 40,
        durationMsMax: 30,
      },
      expect.objectContaining({
        method: 'POST',
        pathTemplate: '/users',
        calls: 1,
        statusCodes: { '201': 1 },
      }),
    ]);
  });

  it('should not carry the settings of one insert over to the next (chdb session settings)', async () => {
    const letters = new DeadLetterRepository(store);
    const before = await letters.count();
    await letters.insert(
      [{ source: 't', eventId: 'a', sensorId: 's', reason: 'r1', excerpt: '' }],
      'token-x',
    );
    await letters.insert([{ source: 't', eventId: 'b', sensorId: 's', reason: 'r2', excerpt: '' }]);
    expect(await letters.count()).toBe(before + 2);
  });

  it('should page with a keyset cursor and filter by service', async () => {
    const endpoints = new EndpointRepository(store);
    const first = await endpoints.list({ limit: 1 });
    expect(first.map((e) => e.method)).toEqual(['GET']);
    const second = await endpoints.list({ limit: 1, after: first[0] });
    expect(second.map((e) => e.method)).toEqual(['POST']);
    expect(await endpoints.list({ limit: 1, after: second[0] })).toEqual([]);
    expect((await endpoints.list({ limit: 10, service: 'api.test' })).length).toBe(2);
    expect((await endpoints.list({ limit: 10, service: 'other' })).length).toBe(0);
    expect((await endpoints.all({}, 1)).map((e) => e.method)).toEqual(['GET', 'POST']);
  });

  it('should bind hostile filter values as data, not SQL', async () => {
    const endpoints = new EndpointRepository(store);
    expect(await endpoints.list({ limit: 10, service: "api.test' OR 1=1 --" })).toEqual([]);
    expect(
      await endpoints.list({
        limit: 10,
        after: { service: "zz'); DROP TABLE calls; --", method: 'GET', pathTemplate: '/' },
      }),
    ).toEqual([]);
    expect(await new CallRepository(store).count()).toBe(4);
  });

  it('should keep dead letters with a bounded excerpt', async () => {
    const letters = new DeadLetterRepository(store);
    const before = await letters.count();
    await letters.insert([
      { source: 'ingest', eventId: 'e1', sensorId: 's', reason: 'v: unsupported', excerpt: 'x'.repeat(5000) },
    ]);
    expect(await letters.count()).toBe(before + 1);
    const letter = (await letters.recent(10)).find((l) => l.eventId === 'e1');
    expect(letter?.excerpt.length).toBe(1024);
    expect(letter?.reason).toBe('v: unsupported');
  });
});
