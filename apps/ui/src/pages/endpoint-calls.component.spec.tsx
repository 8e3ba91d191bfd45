// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { type EndpointCall } from '../api/api.type';
import { clearApiCache } from '../api/use-api.hook';
import { signIn } from '../session/session.util';
import { type Answer, type ApiServer, startApiServer, waitUntil } from '../testing/api-server.util';
import { endpoint } from '../testing/endpoint.fixture';
import { render, type Rendered } from '../testing/render.util';
import { EndpointCalls, RECENT_CALLS_LIMIT } from './endpoint-calls.component';

const users = endpoint();

/** A call as the route returns it (shapes of the demo capture), with overrides. */
const call = (overrides: Partial<EndpointCall> = {}): EndpointCall => ({
  ts: '2026-11-20T09:14:05.000Z',
  status: 200,
  durationMs: 87,
  client: '10.1.x.x',
  sensorKind: 'har',
  credentials: 'present',
  authSchemes: ['bearer'],
  requestSize: 0,
  responseSize: 2048,
  incomplete: false,
  path: '/v1/users/42',
  ...overrides,
});

let api: ApiServer;
let view: Rendered | undefined;
let answer: Answer | undefined;

beforeEach(async () => {
  signIn('viewer-key-0123456789');
  clearApiCache();
  answer = undefined;
  api = await startApiServer((url) =>
    decodeURIComponent(url.pathname) === `/api/v1/endpoints/${users.id}/calls` ? answer : undefined,
  );
});

afterEach(async () => {
  view?.unmount();
  view = undefined;
  await api.close();
});

const text = () => view!.container.textContent ?? '';
const rows = () => [...view!.container.querySelectorAll('[data-testid="recent-calls"] tbody tr')];

describe(EndpointCalls.name, () => {
  it('should ask the calls route for the newest calls and show them in its order', async () => {
    answer = {
      body: {
        items: [
          call({ path: '/v1/users/42' }),
          call({
            ts: '2026-11-20T09:10:00.000Z',
            status: 401,
            durationMs: null,
            client: '2001:db8:x:x:x:x:x:x',
            credentials: 'absent',
            authSchemes: [],
            requestSize: 12,
            responseSize: 3 * 1024 * 1024,
            incomplete: true,
            path: '/v1/users/7',
          }),
        ],
      },
    };
    view = render(<EndpointCalls endpoint={users} />);
    await waitUntil(() => rows().length === 2, 'the calls');
    expect(api.requests.map((r) => r.url)).toEqual([
      `/api/v1/endpoints/${users.id}/calls?limit=${RECENT_CALLS_LIMIT}`,
    ]);
    expect(api.requests[0].authorization).toBe('Bearer viewer-key-0123456789');
    const [first, second] = rows().map((r) => r.textContent ?? '');
    expect(first).toContain('200');
    expect(first).toContain('/v1/users/42');
    expect(first).toContain('10.1.x.x');
    expect(first).toContain('present (bearer)');
    expect(first).toContain('0 B / 2.0 KB');
    expect(second).toContain('401');
    expect(second).toContain('2001:db8:x:x:x:x:x:x');
    expect(second).toContain('absent');
    expect(second).toContain('12 B / 3.0 MB *');
    expect(second).toContain('–');
  });

  it('should show an empty state when no call is stored', async () => {
    answer = { body: { items: [] } };
    view = render(<EndpointCalls endpoint={users} />);
    await waitUntil(() => text().includes('No calls stored'), 'the empty state');
    expect(rows()).toHaveLength(0);
  });

  it('should show an error state, and the calls after a retry', async () => {
    answer = { status: 500, body: { status: 500, title: 'Internal Server Error', detail: 'storage down' } };
    view = render(<EndpointCalls endpoint={users} />);
    await waitUntil(() => view!.container.querySelector('[role="alert"]') !== null, 'the error state');
    expect(text()).toContain('The API answered 500');
    expect(rows()).toHaveLength(0);
    answer = { body: { items: [call()] } };
    act(() => view!.container.querySelector<HTMLButtonElement>('[role="alert"] button')!.click());
    await waitUntil(() => rows().length === 1, 'the calls after the retry');
    expect(api.requests).toHaveLength(2);
  });

  it('should show loading rows until the answer comes', () => {
    answer = { body: { items: [call()] } };
    view = render(<EndpointCalls endpoint={users} />);
    expect(view.container.querySelector('[aria-label="Loading recent calls"]')).not.toBeNull();
  });
});
