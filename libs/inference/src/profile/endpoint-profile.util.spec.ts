import { type ApiCall } from '@apiscope/contracts';

import { detectCallAuth } from '../auth-detection.util';
import { toJsonSchema } from '../schema/schema-stats.util';
import { EndpointProfile } from './endpoint-profile.util';

let n = 0;
function call(
  request: Partial<ApiCall['request']>,
  response?: Partial<NonNullable<ApiCall['response']>>,
): ApiCall {
  n += 1;
  return {
    v: 1,
    id: `p${n}`,
    ts: 0,
    sensor: { id: 's', kind: 'test' },
    request: { method: 'POST', scheme: 'https', target: '/', path: '/', query: [], headers: [], ...request },
    ...(response && { response: { status: 200, headers: [], ...response } }),
  };
}

const json = (value: unknown) => {
  const data = JSON.stringify(value);
  return {
    contentType: 'application/json',
    size: data.length,
    truncated: false,
    encoding: 'utf8' as const,
    data,
  };
};

function profileOf(
  calls: ApiCall[],
  pathValues: (c: ApiCall) => Array<{ index: number; value: string }> = () => [],
) {
  const p = EndpointProfile.empty();
  for (const c of calls) p.observe(c, detectCallAuth(c.request), pathValues(c));
  return p.toJSON();
}

describe(EndpointProfile.name, () => {
  it('should infer request and response JSON schemas per content type and status', () => {
    const p = profileOf([
      call(
        { body: json({ email: 'a@example.com', qty: 2 }) },
        { status: 201, body: json({ id: 'ord_1', total: 9.5 }) },
      ),
      call(
        { body: json({ email: 'b@example.com', qty: 1, note: 'gift' }) },
        { status: 201, body: json({ id: 'ord_2', total: 10 }) },
      ),
      call({ body: json({ qty: 0 }) }, { status: 422, body: json({ error: 'email required' }) }),
    ]);
    const request = p.requestBodies.find(([t]) => t === 'application/json')?.[1];
    expect(toJsonSchema(request!.s!)).toEqual({
      type: 'object',
      properties: {
        email: { type: 'string', format: 'email' },
        qty: { type: 'integer', format: 'int32' },
        note: { type: 'string' },
      },
      required: ['qty'],
    });
    expect(p.responses.map(([status]) => status)).toEqual(['201', '422']);
    const created = p.responses[0][1][0][1];
    expect(toJsonSchema(created.s!)).toEqual({
      type: 'object',
      properties: { id: { type: 'string' }, total: { type: 'number' } },
      required: ['id', 'total'],
    });
  });

  it.each([
    [
      'form fields',
      {
        contentType: 'application/x-www-form-urlencoded',
        size: 20,
        truncated: false,
        encoding: 'utf8' as const,
        data: 'name=Ada+L&age=36',
      },
      {
        type: 'object',
        properties: { name: { type: 'string' }, age: { type: 'string' } },
        required: ['age', 'name'],
      },
    ],
    [
      'multipart field names and file parts',
      {
        contentType: 'multipart/form-data; boundary=XyZ',
        size: 200,
        truncated: false,
        encoding: 'utf8' as const,
        data: '--XyZ\r\nContent-Disposition: form-data; name="title"\r\n\r\nHoliday\r\n--XyZ\r\nContent-Disposition: form-data; name="photo"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\n\u00ff\u00d8\r\n--XyZ--\r\n',
      },
      {
        type: 'object',
        properties: { title: { type: 'string' }, photo: { type: 'string', format: 'binary' } },
        required: ['photo', 'title'],
      },
    ],
  ])('should describe %s', (_name, body, expected) => {
    const p = profileOf([call({ body })]);
    expect(toJsonSchema(p.requestBodies[0][1].s!)).toEqual(expected);
  });

  it.each([
    ['XML', 'application/xml', 'xml'],
    ['plain text', 'text/plain', 'text'],
    ['an image', 'image/png', 'binary'],
  ])('should note %s bodies without inferring them', (_name, contentType, note) => {
    const p = profileOf([
      call({ body: { contentType, size: 10, truncated: false, encoding: 'utf8', data: '<a>1</a>' } }),
    ]);
    expect(p.requestBodies).toEqual([[contentType, { n: 1, notes: [[note, 1]] }]]);
  });

  it('should type path, query, header and cookie parameters without keeping credentials or cookie values', () => {
    const p = profileOf(
      [1, 2, 3].map((i) =>
        call({
          path: `/orders/${i}`,
          query: [
            ['limit', String(10 * i)],
            ['api_key', 'secret-key-value'],
          ],
          headers: [
            ['user-agent', 'curl/8'],
            ['x-request-id', `3f2504e0-4f89-11d3-9a0c-0305e82c330${i}`],
            ['cookie', `theme=dark; session=abcdef${i}`],
          ],
        }),
      ),
      (c) => [{ index: 2, value: c.request.path.split('/')[2] }],
    );
    const params = Object.fromEntries(p.params.map(([k, v]) => [k, v.s ? toJsonSchema(v.s) : 'names only']));
    expect(params).toEqual({
      'path:2': { type: 'integer', format: 'int32' },
      'query:limit': { type: 'integer', format: 'int32' },
      'query:api_key': 'names only',
      'header:x-request-id': { type: 'string', format: 'uuid' },
      'cookie:theme': 'names only',
      'cookie:session': 'names only',
    });
    expect(JSON.stringify(p)).not.toMatch(/secret-key-value|abcdef|dark/);
    expect(p.auth.apiKeys).toEqual([['query:api_key', 3]]);
    expect(p.auth.sessionCookies).toEqual([['session', 3]]);
  });

  it('should count every call but sample bodies of a hot endpoint', () => {
    const p = profileOf(Array.from({ length: 2000 }, (_, i) => call({ body: json({ i }) })));
    expect(p.calls).toBe(2000);
    expect(p.sampled).toBeGreaterThanOrEqual(32);
    expect(p.sampled).toBeLessThan(400);
    expect(p.requestBodies[0][1].n).toBe(p.sampled);
  });

  it('should merge two profiles as if one had seen all calls, and survive a JSON round trip', () => {
    const a = EndpointProfile.empty();
    const b = EndpointProfile.empty();
    const calls = [
      call({ body: json({ a: 1 }) }, { body: json({ ok: true }) }),
      call({ body: json({ a: 2, b: 'x' }) }),
    ];
    a.observe(calls[0], detectCallAuth(calls[0].request), []);
    b.observe(calls[1], detectCallAuth(calls[1].request), []);
    const merged = EndpointProfile.fromJSON(JSON.parse(JSON.stringify(a.merge(b))));
    expect(merged.toJSON()).toEqual(profileOf(calls));
    expect(EndpointProfile.fromJSON({ v: 2 }).calls).toBe(0);
    expect(EndpointProfile.fromJSON(null).calls).toBe(0);
  });

  describe('exposure counters', () => {
    const leak = json({
      email: 'jane.doe@example.com',
      password_hash: '$2b$12$' + 'a'.repeat(53),
      phone: '+14155552671',
    });
    it.each<
      [
        string,
        ApiCall[],
        { maxClassesPerResponse: number; rateLimitSignals: number; plaintextSensitiveCalls: number },
      ]
    >([
      [
        'a clean call',
        [call({}, { status: 200 })],
        { maxClassesPerResponse: 0, rateLimitSignals: 0, plaintextSensitiveCalls: 0 },
      ],
      [
        'a 429 and a RateLimit header',
        [call({}, { status: 429 }), call({}, { status: 200, headers: [['RateLimit-Remaining', '9']] })],
        { maxClassesPerResponse: 0, rateLimitSignals: 2, plaintextSensitiveCalls: 0 },
      ],
      [
        'a leaking response over HTTPS from outside',
        [{ ...call({}, { body: leak }), src: { ip: '203.0.113.9', port: 5000 } }],
        { maxClassesPerResponse: 3, rateLimitSignals: 0, plaintextSensitiveCalls: 0 },
      ],
      [
        'a leaking response over plain HTTP, once from outside and once from inside',
        [
          { ...call({ scheme: 'http' }, { body: leak }), src: { ip: '203.0.113.9', port: 5000 } },
          { ...call({ scheme: 'http' }, { body: leak }), src: { ip: '10.0.0.4', port: 5000 } },
        ],
        { maxClassesPerResponse: 3, rateLimitSignals: 0, plaintextSensitiveCalls: 1 },
      ],
    ])('should count %s', (_name, calls, expected) => {
      expect(profileOf(calls).exposure).toEqual(expected);
    });

    it('should merge by max and sum, and keep a profile stored without counters unknown', () => {
      const a = EndpointProfile.fromJSON(profileOf([call({}, { status: 429 }), call({}, { body: leak })]));
      const b = EndpointProfile.fromJSON(profileOf([call({}, { status: 429 })]));
      expect(a.merge(b).toJSON().exposure).toEqual({
        maxClassesPerResponse: 3,
        rateLimitSignals: 2,
        plaintextSensitiveCalls: 0,
      });
      const older = profileOf([call({}, { status: 200 })]);
      delete older.exposure;
      expect(EndpointProfile.fromJSON(older).toJSON().exposure).toBeUndefined();
      expect(EndpointProfile.fromJSON(older).merge(b).toJSON().exposure?.rateLimitSignals).toBe(1);
    });
  });
});
