import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type ApiCall } from '@apiscope/contracts';
import { ClickHouseStore, InferenceStateRepository, runMigrations } from '@apiscope/storage';

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
});
