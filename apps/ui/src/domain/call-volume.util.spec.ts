import { describe, expect, it } from 'vitest';

import { statsWindow, volumeSeries } from './call-volume.util';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.parse('2026-11-23T19:40:00Z');

describe('statsWindow', () => {
  it.each([
    // [range, last call, expected from, to, anchored]
    ['24h', NOW - HOUR, '2026-11-22T20:00:00.000Z', '2026-11-23T19:40:00.000Z', false],
    ['24h', null, '2026-11-22T20:00:00.000Z', '2026-11-23T19:40:00.000Z', false],
    // traffic that stopped three days ago: the window ends with the last call's hour
    ['24h', Date.parse('2026-11-20T09:14:21Z'), '2026-11-19T10:00:00.000Z', '2026-11-20T10:00:00.000Z', true],
    [
      '30d',
      Date.parse('2026-11-20T09:14:21Z'),
      '2026-10-25T00:00:00.000Z',
      '2026-11-23T19:40:00.000Z',
      false,
    ],
    ['30d', Date.parse('2026-09-01T12:00:00Z'), '2026-08-03T00:00:00.000Z', '2026-09-02T00:00:00.000Z', true],
  ] as const)('should frame %s with the last call at %s', (range, last, from, to, anchored) => {
    const w = statsWindow(range, last, NOW);
    expect([new Date(w.from).toISOString(), new Date(w.to).toISOString(), w.anchored]).toEqual([
      from,
      to,
      anchored,
    ]);
    expect(w.to - w.from).toBeLessThanOrEqual(range === '24h' ? DAY : 30 * DAY);
  });
});

describe('volumeSeries', () => {
  it('should sum services per bucket and fill the hours without calls', () => {
    const window = statsWindow('24h', Date.parse('2026-11-20T09:14:21Z'), NOW);
    const series = volumeSeries(
      [
        {
          service: 'a',
          bucket: '2026-11-20T09:00:00.000Z',
          calls: 10,
          clientErrors: 2,
          serverErrors: 1,
          unanswered: 0,
        },
        {
          service: 'b',
          bucket: '2026-11-20T09:00:00.000Z',
          calls: 5,
          clientErrors: 0,
          serverErrors: 0,
          unanswered: 1,
        },
        {
          service: 'a',
          bucket: '2026-11-20T07:00:00.000Z',
          calls: 3,
          clientErrors: 0,
          serverErrors: 0,
          unanswered: 0,
        },
      ],
      window,
    );
    expect(series).toHaveLength(24);
    expect(series[series.length - 1]).toEqual({
      t: Date.parse('2026-11-20T09:00:00Z'),
      calls: 15,
      ok: 11,
      clientErrors: 2,
      serverErrors: 1,
      unanswered: 1,
    });
    expect(series[series.length - 3].calls).toBe(3);
    expect(series.reduce((n, b) => n + b.calls, 0)).toBe(18);
  });
});
