import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ApiKeyRepository } from './api-key.repository';
import { type ApiKeyRecord } from './api-key.type';
import { AuditRepository } from './audit.repository';
import { type AuditEntry } from './audit.type';
import { ClickHouseStore } from './clickhouse-store';
import { runMigrations } from './migration.runner';

const T0 = Date.UTC(2026, 0, 1);

const key = (over: Partial<ApiKeyRecord>): ApiKeyRecord => ({
  id: '000000000001',
  name: 'k',
  role: 'viewer',
  secretHash: 'scrypt$16384$8$1$salt$hash',
  createdAt: T0,
  createdBy: 'bootstrap',
  expiresAt: null,
  revokedAt: null,
  revokedBy: '',
  version: T0,
  ...over,
});

const entry = (over: Partial<AuditEntry>): AuditEntry => ({
  id: 'a',
  ts: T0,
  actorId: '',
  actorName: '',
  actorRole: '',
  action: 'auth.failure',
  outcome: 'failure',
  target: '',
  clientIp: '127.0.0.1',
  method: 'GET',
  path: '/api/v1/endpoints',
  detail: '',
  ...over,
});

describe(ApiKeyRepository.name, () => {
  let dir: string;
  let store: ClickHouseStore;
  let keys: ApiKeyRepository;
  let audit: AuditRepository;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'apiscope-keys-'));
    store = await ClickHouseStore.open({ dataDir: dir, database: 'apiscope_keys' });
    await runMigrations(store);
    keys = new ApiKeyRepository(store);
    audit = new AuditRepository(store);
  });

  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('should read the newest version of a key, so a revocation wins over the creation', async () => {
    await keys.save(key({}));
    await keys.save(key({ revokedAt: T0 + 5, revokedBy: 'bootstrap', version: T0 + 1 }));
    expect(await keys.findById('000000000001')).toEqual(
      key({ revokedAt: T0 + 5, revokedBy: 'bootstrap', version: T0 + 1 }),
    );
    expect(await keys.findById('ffffffffffff')).toBeUndefined();
  });

  it('should list newest first with status filters, a keyset cursor and no hash', async () => {
    await keys.save(key({ id: '000000000002', createdAt: T0 + 10, version: T0 + 10, role: 'ingest' }));
    await keys.save(key({ id: '000000000003', createdAt: T0 + 20, version: T0 + 20, expiresAt: T0 + 30 }));
    const now = T0 + 100;
    const all = await keys.list({ now, limit: 10 });
    expect(all.map((k) => k.id)).toEqual(['000000000003', '000000000002', '000000000001']);
    expect(JSON.stringify(all)).not.toContain('scrypt');
    expect((await keys.list({ now, limit: 10, status: 'active' })).map((k) => k.id)).toEqual([
      '000000000002',
    ]);
    expect((await keys.list({ now, limit: 10, status: 'expired' })).map((k) => k.id)).toEqual([
      '000000000003',
    ]);
    expect((await keys.list({ now, limit: 10, status: 'revoked' })).map((k) => k.id)).toEqual([
      '000000000001',
    ]);
    expect((await keys.list({ now, limit: 10, role: 'ingest' })).map((k) => k.id)).toEqual(['000000000002']);
    const next = await keys.list({ now, limit: 10, after: { createdAt: T0 + 20, id: '000000000003' } });
    expect(next.map((k) => k.id)).toEqual(['000000000002', '000000000001']);
  });

  it('should keep the latest use of a key whatever order the uses are written in', async () => {
    await keys.recordUsage([{ keyId: '000000000002', lastUsedAt: T0 + 50 }]);
    await keys.recordUsage([{ keyId: '000000000002', lastUsedAt: T0 + 40 }]);
    const [k] = await keys.list({ now: T0 + 100, limit: 1, id: '000000000002' });
    expect(k.lastUsedAt).toBe(T0 + 50);
    const [never] = await keys.list({ now: T0 + 100, limit: 1, id: '000000000003' });
    expect(never.lastUsedAt).toBeNull();
  });

  it('should bind hostile values as data', async () => {
    expect(await keys.findById("x' OR 1=1 --")).toBeUndefined();
    expect(await keys.list({ now: 0, limit: 10, id: "' OR ''='" })).toEqual([]);
  });

  it('should append audit entries and page them newest first with filters', async () => {
    await audit.append([
      entry({ id: '1', ts: T0 + 1 }),
      entry({ id: '2', ts: T0 + 2, action: 'key.create', outcome: 'success', actorId: '000000000002' }),
      entry({ id: '3', ts: T0 + 2, path: 'x'.repeat(5000) }),
    ]);
    const all = await audit.list({ limit: 10 });
    expect(all.map((e) => e.id)).toEqual(['3', '2', '1']);
    expect(all[0].path.length).toBe(512);
    expect((await audit.list({ limit: 10, action: 'key.create' })).map((e) => e.id)).toEqual(['2']);
    expect((await audit.list({ limit: 10, actorId: '000000000002' })).map((e) => e.id)).toEqual(['2']);
    expect((await audit.list({ limit: 10, since: T0 + 2 })).map((e) => e.id)).toEqual(['3', '2']);
    expect((await audit.list({ limit: 10, until: T0 + 2 })).map((e) => e.id)).toEqual(['1']);
    expect((await audit.list({ limit: 10, before: { ts: T0 + 2, id: '3' } })).map((e) => e.id)).toEqual([
      '2',
      '1',
    ]);
  });
});
