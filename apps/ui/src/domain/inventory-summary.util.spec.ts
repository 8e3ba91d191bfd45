import { describe, expect, it } from 'vitest';

import { endpoint } from '../testing/endpoint.fixture';
import { newestEndpoints, summarize } from './inventory-summary.util';

const NOW = Date.parse('2026-11-21T12:00:00Z');

describe('summarize', () => {
  const endpoints = [
    endpoint({
      path: '/a',
      calls: 10,
      firstSeen: '2026-11-19T09:00:00Z',
      lastSeen: '2026-11-20T09:00:00Z',
      statusCodes: { '200': 8, '404': 2 },
    }),
    endpoint({
      path: '/b',
      calls: 5,
      firstSeen: '2026-11-21T08:00:00Z',
      lastSeen: '2026-11-21T11:00:00Z',
      statusCodes: { '201': 3, '503': 1, '0': 1 },
      flags: ['unauthenticated', 'sensitive'],
      auth: { schemes: [], status: 'unauthenticated', unauthenticatedSuccesses: 3 },
      sensitive: [
        { location: 'response.body', name: '$.email', class: 'email', count: 3, example: 'a***@b***.com' },
        {
          location: 'response.body',
          name: '$.owner.email',
          class: 'email',
          count: 3,
          example: 'c***@d***.com',
        },
      ],
    }),
    endpoint({
      path: '/c',
      calls: 0,
      firstSeen: null,
      lastSeen: null,
      statusCodes: {},
      flags: ['orphan'],
      auth: { schemes: [], status: 'unknown', unauthenticatedSuccesses: 0 },
    }),
  ];

  it('should count endpoints, calls, flags and auth statuses', () => {
    const s = summarize(endpoints, NOW);
    expect([s.endpoints, s.calls]).toEqual([3, 15]);
    expect(s.flags).toEqual({ shadow: 0, orphan: 1, zombie: 0, unauthenticated: 1, sensitive: 1 });
    expect(s.auth).toEqual({ authenticated: 0, unauthenticated: 1, mixed: 1, unknown: 1 });
  });

  it('should sum calls per status class, with no response apart', () => {
    expect(summarize(endpoints, NOW).statusClasses).toEqual({
      '2xx': 11,
      '3xx': 0,
      '4xx': 2,
      '5xx': 1,
      none: 1,
    });
  });

  it('should count an endpoint once per data class, however many fields carry it', () => {
    expect(summarize(endpoints, NOW).dataClasses).toEqual([['email', 1]]);
  });

  it('should list what was first seen in the last 24 hours and date the data by its newest call', () => {
    const s = summarize(endpoints, NOW);
    expect(s.newSince.map((e) => e.path)).toEqual(['/b']);
    expect(s.latest).toBe(Date.parse('2026-11-21T11:00:00Z'));
    expect(s.discovery).toEqual([
      { t: Date.parse('2026-11-19T09:00:00Z'), v: 1 },
      { t: Date.parse('2026-11-21T08:00:00Z'), v: 2 },
    ]);
  });

  it('should thin a long discovery curve but keep its last point', () => {
    const many = Array.from({ length: 10_001 }, (_, i) =>
      endpoint({ path: `/p${i}`, firstSeen: new Date(NOW - i * 1000).toISOString() }),
    );
    const curve = summarize(many, NOW).discovery;
    expect(curve.length).toBeLessThanOrEqual(401);
    expect(curve[curve.length - 1]).toEqual({ t: NOW, v: 10_001 });
  });
});

describe('newestEndpoints', () => {
  it('should put the latest discoveries first and skip endpoints never seen', () => {
    const list = [
      endpoint({ path: '/old', firstSeen: '2026-11-01T00:00:00Z' }),
      endpoint({ path: '/never', firstSeen: null }),
      endpoint({ path: '/new', firstSeen: '2026-11-20T00:00:00Z' }),
    ];
    expect(newestEndpoints(list, 5).map((e) => e.path)).toEqual(['/new', '/old']);
  });
});
