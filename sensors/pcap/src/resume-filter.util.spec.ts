import { ResumeFilter } from './resume-filter.util';

const block = (...ids: string[]) => Buffer.from(ids.map((id) => `{"id":"${id}"}\n`).join(''));
const ids = (data: Buffer) =>
  data
    .toString()
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { id: string }).id);

describe(ResumeFilter.name, () => {
  it.each([
    { delivered: [0, 0], shard: 0, expected: ['a', 'b', 'c'] },
    { delivered: [2, 0], shard: 0, expected: ['c'] },
    { delivered: [3, 0], shard: 0, expected: [] },
    { delivered: [5, 0], shard: 0, expected: [] },
    { delivered: [2, 0], shard: 1, expected: ['a', 'b', 'c'] },
  ])(
    'should keep $expected of a block of shard $shard after $delivered',
    ({ delivered, shard, expected }) => {
      const filter = new ResumeFilter(delivered);
      const kept = filter.keep(block('a', 'b', 'c'), 3, shard);
      expect(ids(kept.data)).toEqual(expected);
      expect(kept.count).toBe(expected.length);
    },
  );

  it('should skip across blocks of one shard and count what it skipped', () => {
    const filter = new ResumeFilter([4, 1]);
    expect(ids(filter.keep(block('a', 'b', 'c'), 3, 0).data)).toEqual([]);
    expect(ids(filter.keep(block('x', 'y'), 2, 1).data)).toEqual(['y']);
    expect(ids(filter.keep(block('d', 'e', 'f'), 3, 0).data)).toEqual(['e', 'f']);
    expect(filter.skipped).toBe(5);
    expect(filter.remaining).toBe(0);
  });
});
