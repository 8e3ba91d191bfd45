import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type ApiCall } from '@apiscope/contracts';
import {
  ClickHouseStore,
  InferenceStateRepository,
  ReferenceSpecRepository,
  runMigrations,
} from '@apiscope/storage';

import { enrichCalls } from './enrich-calls.util';
import { InferenceStateService } from './inference-state.service';

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

const call = (path: string, i: number): ApiCall => ({
  v: 1,
  id: `c${i}`,
  ts: Date.UTC(2026, 0, 1) + i,
  sensor: { id: 's', kind: 'test' },
  request: {
    method: 'GET',
    scheme: 'https',
    host: 'api.github.test',
    target: `${path}?per_page=${10 + i}`,
    path,
    query: [['per_page', String(10 + i)]],
    headers: [['host', 'api.github.test']],
  },
  response: { status: 200, headers: [] },
});

describe(InferenceStateService.name, () => {
  let dir: string;
  let store: ClickHouseStore;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'apiscope-inference-state-'));
    store = await ClickHouseStore.open({ dataDir: dir, database: 'apiscope_state' });
    await runMigrations(store);
  });

  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('should hand what one worker learnt over to the next one through storage', async () => {
    const first = new InferenceStateService(new InferenceStateRepository(store));
    const batch = LOGINS.map((login, i) => call(`/users/${login}/repos`, i));
    await first.load(['api.github.test']);
    const records = enrichCalls(batch, first);
    expect(new Set(records.map((r) => r.pathTemplate))).toEqual(new Set(['/users/{username}/repos']));
    await first.flush();

    // another worker takes the partition over: it keys a new user's call with what the first learnt
    const second = new InferenceStateService(new InferenceStateRepository(store));
    await second.load(['api.github.test']);
    const [record] = enrichCalls([call('/users/newcomer/repos', 99)], second);
    expect(record.pathTemplate).toBe('/users/{username}/repos');
    const profile = second.profile('api.github.test', 'GET', '/users/{username}/repos').toJSON();
    expect(profile.calls).toBe(LOGINS.length + 1);
    expect(profile.params.map(([k]) => k)).toEqual(['path:2', 'query:per_page']);
  });

  it('should teach a replayed batch once: to the states that stored it not again, to the others', async () => {
    const service = 'api.github.test';
    const key = '/users/{username}/repos';
    const batchOf = (from: number) => LOGINS.map((login, i) => call(`/users/${login}/repos`, from + i));
    const taught = (state: InferenceStateService) => ({
      calls: state.profile(service, 'GET', key).toJSON().calls,
      observed: state.templater(service).toJSON().observed,
    });
    await store.client.command({ query: 'TRUNCATE TABLE apiscope_state.templater_states' });
    await store.client.command({ query: 'TRUNCATE TABLE apiscope_state.endpoint_profiles' });

    // worker A stores batches 1 and 2, then dies before committing batch 2
    const a = new InferenceStateService(new InferenceStateRepository(store));
    for (const [token, batch] of [
      ['t1', batchOf(100)],
      ['t2', batchOf(200)],
    ] as const) {
      await a.load([service]);
      a.begin(token);
      enrichCalls(batch, a);
      await a.flush();
    }
    const stored = taught(a);
    expect(stored.calls).toBe(2 * LOGINS.length);

    // worker B replays batch 2 (same token): nothing is taught twice, the keys are the same
    const b = new InferenceStateService(new InferenceStateRepository(store));
    await b.load([service]);
    b.begin('t2');
    const replayed = enrichCalls(batchOf(200), b);
    expect(new Set(replayed.map((r) => r.pathTemplate))).toEqual(new Set([key]));
    expect(taught(b)).toEqual(stored);
    await b.flush();

    // B then dies after storing batch 3's calls but before its state: C's replay of it is taught
    b.begin('t3');
    enrichCalls(batchOf(300), b);
    const c = new InferenceStateService(new InferenceStateRepository(store));
    await c.load([service]);
    c.begin('t3');
    enrichCalls(batchOf(300), c);
    expect(taught(c)).toEqual(taught(b));
    expect(taught(c).calls).toBe(3 * LOGINS.length);

    // a retry inside one worker (an insert failed) does not count the batch twice either
    await c.flush();
    c.begin('t3');
    enrichCalls(batchOf(300), c);
    expect(taught(c).calls).toBe(3 * LOGINS.length);

    // after a rebalance the worker forgets what it held and reloads what others stored since
    b.forget();
    await b.load([service]);
    expect(taught(b)).toEqual(taught(c));
  });

  it('should template calls with an imported reference spec before learning: the spec splits and merges', async () => {
    const service = 'api.reports.test';
    const operation = (path: string) => ({
      method: 'GET',
      path,
      deprecated: false,
      security: 'required' as const,
      parameters: [],
      requestBody: {},
      responses: {},
    });
    const state = new InferenceStateService(new InferenceStateRepository(store));
    const paths = [
      ...['daily', 'weekly'].flatMap((period) => [0, 1, 2].map(() => `/reports/${period}/summary`)),
      ...LOGINS.map((login) => `/users/${login}/repos`),
      '/users/me/repos',
    ];
    // traffic alone: two periods are two operations, and `me` is one more login
    await state.load([service]);
    state.begin('before');
    const learnt = enrichCalls(
      paths.map((path, i) => ({ ...call(path, i), request: { ...call(path, i).request, host: service } })),
      state,
    ).map((r) => r.pathTemplate);
    expect(learnt).toContain('/reports/daily/summary');

    await new ReferenceSpecRepository(store).add(
      {
        service,
        title: 'reports',
        openapiVersion: '3.0.3',
        basePath: '',
        operations: ['/reports/{period}/summary', '/users/{login}/repos', '/users/me/repos'].map(operation),
      },
      '{}',
    );
    const next = new InferenceStateService(new InferenceStateRepository(store));
    await next.load([service]);
    next.begin('after');
    const templated = enrichCalls(
      paths.map((path, i) => ({ ...call(path, i), request: { ...call(path, i).request, host: service } })),
      next,
    ).map((r) => r.pathTemplate);
    expect(new Set(templated)).toEqual(
      new Set(['/reports/{period}/summary', '/users/{login}/repos', '/users/me/repos']),
    );
  });
});
