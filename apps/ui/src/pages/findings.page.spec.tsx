// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { clearApiCache } from '../api/use-api.hook';
import { dropServicesCache } from '../api/use-services.hook';
import { currentLocation, navigate } from '../router/router.util';
import { signIn } from '../session/session.util';
import { finding } from '../testing/api.fixture';
import { type ApiServer, startApiServer, waitUntil } from '../testing/api-server.util';
import { click, render, type Rendered } from '../testing/render.util';
import { FindingsPage } from './findings.page';

let api: ApiServer;
let view: Rendered | undefined;
let findingsStatus = 200;

beforeEach(async () => {
  signIn('viewer-key-0123456789');
  clearApiCache();
  dropServicesCache();
  findingsStatus = 200;
  api = await startApiServer((url) => {
    if (url.pathname === '/api/v1/services')
      return {
        body: {
          items: [
            {
              name: 'api.shop.example',
              endpoints: 3,
              calls: 9,
              firstSeen: '2026-11-20T09:00:00Z',
              lastSeen: '2026-11-20T09:10:00Z',
            },
          ],
          nextCursor: null,
        },
      };
    if (url.pathname === '/api/v1/findings') {
      if (findingsStatus !== 200)
        return {
          status: findingsStatus,
          body: { status: findingsStatus, detail: 'findings are being computed' },
        };
      const cursor = url.searchParams.get('cursor');
      return cursor === null
        ? {
            body: {
              items: [
                finding({ severity: 'critical', id: 'f1', title: 'Emails served openly' }),
                finding({ id: 'f2' }),
              ],
              nextCursor: 'page-2',
            },
          }
        : { body: { items: [finding({ id: 'f3', severity: 'low', title: 'A low one' })], nextCursor: null } };
    }
    return undefined;
  });
});

afterEach(async () => {
  view?.unmount();
  view = undefined;
  await api.close();
});

const findingsRequests = () =>
  api.requests.filter((r) => r.url.startsWith('/api/v1/findings')).map((r) => r.url);

describe(FindingsPage.name, () => {
  it('should pass the URL filters to GET /api/v1/findings and list its answer, linked to endpoints', async () => {
    navigate('/findings?severity=high&category=API2%3A2023&class=jwt&service=api.shop.example');
    view = render(<FindingsPage />);
    await waitUntil(
      () => view!.container.querySelectorAll('tbody tr[tabindex]').length === 2,
      'two findings',
    );
    expect(findingsRequests()).toEqual([
      '/api/v1/findings?service=api.shop.example&severity=high&category=API2%3A2023&class=jwt&limit=100',
    ]);
    const first = view.container.querySelector('tbody tr')!;
    expect(first.textContent).toContain('Emails served openly');
    expect(first.textContent).toContain('Broken Authentication');
    expect(first.textContent).toContain('eyJ***');
    expect(first.querySelector('a')?.getAttribute('href')).toBe(
      `/endpoints/${encodeURIComponent(finding().endpointId)}`,
    );
    expect(api.requests.every((r) => r.authorization === 'Bearer viewer-key-0123456789')).toBe(true);
  });

  it('should drop hostile filter values instead of passing them on', async () => {
    navigate('/findings?severity=apocalyptic&category=API11%3A2023&class=%27%20OR%201');
    view = render(<FindingsPage />);
    await waitUntil(() => findingsRequests().length === 1, 'the request');
    expect(findingsRequests()).toEqual(['/api/v1/findings?limit=100']);
  });

  it('should page with the API cursor and keep the filters in the URL', async () => {
    navigate('/findings?severity=high');
    view = render(<FindingsPage />);
    await waitUntil(
      () => view!.container.querySelector('[data-testid="findings-next"]') !== null,
      'the pager',
    );
    click(view.container.querySelector('[data-testid="findings-next"]')!);
    expect(currentLocation().href).toBe('/findings?severity=high&cursor=page-2');
    await waitUntil(() => view!.container.textContent.includes('A low one'), 'page two');
    expect(findingsRequests().at(-1)).toBe('/api/v1/findings?severity=high&limit=100&cursor=page-2');
    // a severity button replaces the filter and starts again at page one
    click(view.container.querySelector('[data-testid="severity-critical"]')!);
    expect(currentLocation().href).toBe('/findings?severity=critical');
  });

  it('should show the API error, not an empty list, when the route fails', async () => {
    findingsStatus = 503;
    navigate('/findings');
    view = render(<FindingsPage />);
    await waitUntil(() => view!.container.querySelector('[role="alert"]') !== null, 'the error');
    expect(view.container.querySelector('[role="alert"]')!.textContent).toContain(
      'findings are being computed',
    );
    expect(view.container.textContent).not.toContain('No findings');
  });
});
