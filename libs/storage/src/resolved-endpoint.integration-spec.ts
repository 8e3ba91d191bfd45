import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type ApiCall } from '@apiscope/contracts';
import { detectCallAuth, EndpointProfile, PathTemplater } from '@apiscope/inference';
import { type CallRecord, aggregateEndpointStats } from '@apiscope/inventory';

import { ClickHouseStore } from './clickhouse-store';
import { EndpointRepository } from './endpoint.repository';
import { InferenceStateRepository } from './inference-state.repository';
import { runMigrations } from './migration.runner';
import { ResolvedEndpointRepository } from './resolved-endpoint.repository';

const LOGINS = [
  'torvalds',
  'octocat',
  'gaearon',
  'sindresorhus',
  'defunkt',
  'mojombo',
  'kentcdodds',
  'mitchellh',
];

const record = (pathTemplate: string, status = 200): CallRecord => ({
  ts: Date.UTC(2026, 0, 1),
  callId: pathTemplate,
  sensorId: 's',
  sensorKind: 'test',
  service: 'api.github.test',
  method: 'GET',
  path: pathTemplate,
  pathTemplate,
  status,
  durationMs: 5,
  srcIp: '10.0.0.1',
  dstIp: '10.0.0.2',
  dstPort: 443,
  authSchemes: [],
  credentials: 'absent',
  requestSize: 0,
  responseSize: 10,
  incomplete: false,
});

const call = (path: string, limit: string): ApiCall => ({
  v: 1,
  id: path,
  ts: 0,
  sensor: { id: 's', kind: 'test' },
  request: {
    method: 'GET',
    scheme: 'https',
    target: path,
    path,
    query: [['per_page', limit]],
    headers: [['host', 'h']],
  },
});

describe(ResolvedEndpointRepository.name, () => {
  let dir: string;
  let store: ClickHouseStore;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'apiscope-resolved-'));
    store = await ClickHouseStore.open({ dataDir: dir, database: 'apiscope_resolved' });
    await runMigrations(store);
  });

  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('should re-attribute calls stored under an early literal key to the template learnt later, once', async () => {
    const endpoints = new EndpointRepository(store);
    const state = new InferenceStateRepository(store);
    const templater = new PathTemplater();
    // batch 1: one user seen, nothing to learn yet: stored under the literal path
    templater.observe('GET', '/users/torvalds');
    templater.consolidate();
    const early = templater.resolve('/users/torvalds').template;
    expect(early).toBe('/users/torvalds');
    await endpoints.insertStats(aggregateEndpointStats([record(early), record(early, 404)]), 'b1');
    const earlyProfile = EndpointProfile.empty();
    earlyProfile.observe(call('/users/torvalds', '10'), detectCallAuth(call('/x', '1').request), []);
    await state.saveTemplaters([{ service: 'api.github.test', state: JSON.stringify(templater.toJSON()) }]);
    await state.saveProfiles([
      {
        service: 'api.github.test',
        method: 'GET',
        pathTemplate: early,
        profile: JSON.stringify(earlyProfile),
      },
    ]);

    // batch 2: many users: `{username}` is learnt; these calls are stored under the template
    for (const login of LOGINS) templater.observe('GET', `/users/${login}`);
    templater.consolidate();
    const learnt = templater.resolve('/users/octocat').template;
    expect(learnt).toBe('/users/{username}');
    await endpoints.insertStats(aggregateEndpointStats(LOGINS.map(() => record(learnt))), 'b2');
    const profile = EndpointProfile.empty();
    for (const login of LOGINS)
      profile.observe(call(`/users/${login}`, '50'), detectCallAuth(call('/x', '1').request), []);
    await state.saveTemplaters([{ service: 'api.github.test', state: JSON.stringify(templater.toJSON()) }]);
    await state.saveProfiles([
      { service: 'api.github.test', method: 'GET', pathTemplate: learnt, profile: JSON.stringify(profile) },
    ]);

    const resolved = await new ResolvedEndpointRepository(endpoints, state).list();
    expect(resolved.map((r) => [r.stats.pathTemplate, r.stats.calls, r.stats.statusCodes])).toEqual([
      ['/users/{username}', 10, { '200': 9, '404': 1 }],
    ]);
    expect(resolved[0].profile?.calls).toBe(9);
    // the stored rows are untouched: the old key is still there, only reading resolves it
    expect((await endpoints.all()).map((s) => s.pathTemplate).sort()).toEqual([
      '/users/torvalds',
      '/users/{username}',
    ]);
  });

  it('should read the newest state when a service was written several times', async () => {
    const state = new InferenceStateRepository(store);
    await state.saveTemplaters([{ service: 'svc', state: '{"version":1,"observed":1,"root":{"h":1}}' }]);
    await state.saveTemplaters([{ service: 'svc', state: '{"version":1,"observed":2,"root":{"h":2}}' }]);
    const [row] = await state.templaters(['svc']);
    expect(JSON.parse(row.state).observed).toBe(2);
    expect(await state.templaters(["svc' OR 1=1 --"])).toEqual([]);
  });
});
