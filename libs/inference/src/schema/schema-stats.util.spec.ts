import { emptyStats, mergeStats, observeValue, type SchemaStats, toJsonSchema } from './schema-stats.util';

const statsOf = (...samples: unknown[]): SchemaStats => {
  const s = emptyStats();
  for (const v of samples) observeValue(s, v);
  return s;
};

describe(toJsonSchema.name, () => {
  it.each([
    ['an int32', [1, 2, 300], { type: 'integer', format: 'int32' }],
    ['an int64', [1, 2 ** 40], { type: 'integer', format: 'int64' }],
    ['integers and decimals as number', [1, 2.5], { type: 'number' }],
    ['a nullable string', ['a', null], { type: ['null', 'string'] }],
    [
      'date-times',
      ['2024-01-02T03:04:05Z', '2023-12-31T23:59:59.123+01:00'],
      { type: 'string', format: 'date-time' },
    ],
    ['dates', ['2024-01-02', '1999-12-31'], { type: 'string', format: 'date' }],
    ['emails', ['jane@example.com'], { type: 'string', format: 'email' }],
    ['uuids', ['3f2504e0-4f89-11d3-9a0c-0305e82c3301'], { type: 'string', format: 'uuid' }],
    ['uris', ['https://example.com/a?b=c'], { type: 'string', format: 'uri' }],
    ['ipv4 and ipv6', ['10.0.0.1'], { type: 'string', format: 'ipv4' }],
    ['mixed formats as plain strings', ['10.0.0.1', 'x'], { type: 'string' }],
    [
      'a small closed set as an enum',
      ['open', 'closed', 'open', 'open', 'closed', 'open', 'merged', 'open', 'closed', 'open'],
      { type: 'string', enum: ['closed', 'merged', 'open'] },
    ],
    ['too few samples for an enum', ['open', 'closed'], { type: 'string' }],
  ])('should infer %s', (_name, samples, expected) => {
    expect(toJsonSchema(statsOf(...samples))).toEqual(expected);
  });

  it('should tell required from optional properties and describe arrays of objects', () => {
    const schema = toJsonSchema(
      statsOf(
        { id: 1, name: 'a', tags: [{ k: 'x', v: 1 }] },
        { id: 2, name: 'b', email: 'b@example.com', tags: [] },
        { id: 3, name: null, tags: [{ k: 'y' }] },
      ),
    );
    expect(schema).toEqual({
      type: 'object',
      properties: {
        id: { type: 'integer', format: 'int32' },
        name: { type: ['null', 'string'] },
        email: { type: 'string', format: 'email' },
        tags: {
          type: 'array',
          items: {
            type: 'object',
            properties: { k: { type: 'string' }, v: { type: 'integer', format: 'int32' } },
            required: ['k'],
          },
        },
      },
      required: ['id', 'name', 'tags'],
    });
  });

  it('should merge stats as if all samples had been seen together', () => {
    const a = statsOf({ id: 1 }, { id: 2, x: 'a' });
    const b = statsOf({ id: 2 ** 40, x: null });
    expect(toJsonSchema(mergeStats(a, b))).toEqual(
      toJsonSchema(statsOf({ id: 1 }, { id: 2, x: 'a' }, { id: 2 ** 40, x: null })),
    );
  });

  it('should stay bounded in depth and width', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 50; i++) deep = { d: deep };
    const wide = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`k${i}`, i]));
    const s = statsOf(deep, wide);
    expect(JSON.stringify(s).length).toBeLessThan(20_000);
    expect(toJsonSchema(statsOf(wide))['additionalProperties']).toBe(true);
  });

  it('should keep __proto__ keys as data', () => {
    const schema = toJsonSchema(statsOf(JSON.parse('{"__proto__": {"polluted": 1}}')));
    expect(Object.keys(schema['properties'] as object)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
