import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { LogOffsetsRepository } from './log-offsets.repository';

describe(LogOffsetsRepository.name, () => {
  const dir = mkdtempSync(join(tmpdir(), 'apiscope-offsets-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('should keep offsets per fingerprint across a reload, written without a temporary file left behind', () => {
    const file = join(dir, 'sub', 'log-offsets.json');
    const store = new LogOffsetsRepository(file);
    store.set('aaaa', { span: 1024, offset: 5000, line: 42, path: '/var/log/a.log' });
    store.set('bbbb', { span: 300, offset: 300, line: 3, path: '/var/log/a.log', complete: true });
    store.save();
    expect(readdirSync(join(dir, 'sub'))).toEqual(['log-offsets.json']);
    const again = new LogOffsetsRepository(file);
    expect(again.get('aaaa')).toMatchObject({ span: 1024, offset: 5000, line: 42 });
    expect(again.readAt('/var/log/a.log').map(([id]) => id)).toEqual(['aaaa', 'bbbb']);
  });

  it('should forget finished generations untouched for 30 days, and ignore malformed entries', () => {
    const file = join(dir, 'old.json');
    const old = Date.now() - 31 * 24 * 3600 * 1000;
    writeFileSync(
      file,
      JSON.stringify({
        version: 1,
        generations: {
          done: { span: 10, offset: 10, line: 1, path: 'p', complete: true, updatedAt: old },
          open: { span: 10, offset: 10, line: 1, path: 'p', updatedAt: old },
          broken: { span: 'x', offset: 1, line: 1, path: 'p', updatedAt: old },
        },
      }),
    );
    const store = new LogOffsetsRepository(file);
    expect([store.get('done'), store.get('open'), store.get('broken')].map((g) => g !== undefined)).toEqual([
      false,
      true,
      false,
    ]);
  });

  it('should refuse an offsets file that is not JSON, naming it', () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, '{not json');
    expect(() => new LogOffsetsRepository(file)).toThrow(`cannot read the log offsets in ${file}`);
    expect(existsSync(file)).toBe(true);
  });
});
