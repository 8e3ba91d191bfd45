import { describe, expect, it } from 'vitest';

import { change } from '../testing/api.fixture';
import { changesOfEndpoint, historySince } from './change-history.util';

describe('changesOfEndpoint', () => {
  it('should keep the changes of one endpoint and of its service as a whole, newest first', () => {
    const feed = [
      change({ kind: 'new_service', method: '', path: '', ts: '2026-11-20T09:00:00Z' }),
      change({ ts: '2026-11-20T09:00:30Z' }),
      change({ method: 'DELETE', ts: '2026-11-20T09:01:00Z' }),
      change({ path: '/v1/users', ts: '2026-11-20T09:02:00Z' }),
      change({ service: 'other.example', kind: 'new_service', method: '', path: '' }),
      change({ kind: 'new_field', subject: '$.email', ts: '2026-11-20T10:00:00Z' }),
    ];
    expect(
      changesOfEndpoint(feed, { service: 'api.shop.example', method: 'GET', path: '/v1/users/{userId}' }).map(
        (c) => `${c.kind} ${c.subject}`,
      ),
    ).toEqual(['new_field $.email', 'new_endpoint ', 'new_service ']);
  });
});

describe('historySince', () => {
  it.each([
    ['2026-11-20T09:00:00.000Z', '2026-11-19T09:00:00.000Z'],
    [null, '2026-08-25T00:00:00.000Z'],
    ['not a date', '2026-08-25T00:00:00.000Z'],
  ])('should start the history of an endpoint first seen %s at %s', (firstSeen, since) => {
    expect(historySince(firstSeen, Date.parse('2026-11-23T00:00:00.000Z'))).toBe(since);
  });
});
