// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { clearApiCache } from '../api/use-api.hook';
import { signIn } from '../session/session.util';
import { change, finding, risk, serviceDrift, specVersion } from '../testing/api.fixture';
import { type ApiServer, startApiServer, waitUntil } from '../testing/api-server.util';
import { endpoint } from '../testing/endpoint.fixture';
import { render, type Rendered } from '../testing/render.util';
import { EndpointFindings } from './endpoint-findings.component';
import { EndpointHistory } from './endpoint-history.component';
import { EndpointOperation, EndpointReferenceSpec } from './endpoint-spec.component';

const users = endpoint();
let api: ApiServer;
let view: Rendered | undefined;

beforeEach(async () => {
  signIn('viewer-key-0123456789');
  clearApiCache();
  api = await startApiServer((url) => {
    const path = decodeURIComponent(url.pathname);
    if (path === '/api/v1/specs')
      return { body: { specs: [specVersion(), specVersion({ version: 2, title: 'Shop API 2' })] } };
    if (path === '/api/v1/services/api.shop.example/drift') return { body: serviceDrift() };
    if (path === '/api/v1/findings')
      return url.searchParams.get('endpointId') === users.id
        ? {
            body: {
              items: [finding({ endpointId: users.id, title: 'Emails served openly', severity: 'critical' })],
              nextCursor: null,
            },
          }
        : { body: { items: [], nextCursor: null } };
    if (path === '/api/v1/changes')
      return {
        body: {
          items: [
            change({ kind: 'new_service', method: '', path: '' }),
            change(),
            change({ ts: '2026-11-20T09:05:00.000Z', kind: 'new_flag', subject: 'sensitive' }),
            change({ path: '/v1/orders', kind: 'new_flag', subject: 'unauthenticated' }),
            change({ service: 'other.example', kind: 'new_field', subject: '$.x' }),
          ],
          nextCursor: null,
        },
      };
    if (path === '/api/v1/services/api.shop.example/openapi')
      return {
        body: {
          openapi: '3.1.0',
          paths: {
            '/v1/users/{userId}': {
              get: { parameters: [{ name: 'userId', in: 'path' }], responses: { '200': {}, '401': {} } },
            },
          },
        },
      };
    return undefined;
  });
});

afterEach(async () => {
  view?.unmount();
  view = undefined;
  await api.close();
});

const text = () => view!.container.textContent ?? '';

describe(EndpointReferenceSpec.name, () => {
  it("should show the service's latest spec and this endpoint's drift only", async () => {
    view = render(<EndpointReferenceSpec endpoint={users} />);
    await waitUntil(() => text().includes('$.internalNotes'), 'the drift');
    expect(view.container.querySelector('[data-testid="reference-spec"]')!.textContent).toMatch(
      /Shop API 2 v2 .*documented/,
    );
    expect(view.container.querySelectorAll('tbody tr')).toHaveLength(2);
  });

  it('should say there is no drift for an endpoint the report does not name', async () => {
    view = render(<EndpointReferenceSpec endpoint={endpoint({ id: 'other', path: '/v1/orders' })} />);
    await waitUntil(() => text().includes('No drift'), 'the no-drift state');
  });

  it('should show a clean no-spec state, without asking for drift, for a service without a spec', async () => {
    view = render(<EndpointReferenceSpec endpoint={endpoint({ service: 'other.example' })} />);
    await waitUntil(() => text().includes('No reference spec'), 'the no-spec state');
    expect(api.requests.some((r) => r.url.includes('/drift'))).toBe(false);
  });
});

describe(EndpointHistory.name, () => {
  it('should read the feed since a day before first sight and keep this endpoint’s changes, newest first', async () => {
    view = render(<EndpointHistory endpoint={users} />);
    await waitUntil(() => view!.container.querySelectorAll('.timeline li').length > 0, 'the history');
    expect(api.requests.map((r) => r.url)).toEqual([
      `/api/v1/changes?since=${encodeURIComponent('2026-11-19T09:00:23.000Z')}&endpointId=${users.id}&limit=500`,
    ]);
    const items = [...view.container.querySelectorAll('.timeline li')].map((li) => li.textContent);
    expect(items).toHaveLength(3);
    expect(items[0]).toMatch(/new flagsensitive$/);
    expect(items.slice(1)).toEqual(
      expect.arrayContaining([expect.stringContaining('first seen'), expect.stringContaining('new service')]),
    );
  });
});

describe(EndpointFindings.name, () => {
  it('should show the endpoint’s risk with its factors and the findings of GET /api/v1/findings?endpointId=', async () => {
    view = render(<EndpointFindings endpoint={endpoint({ risk: risk() })} />);
    const list = () => view!.container.querySelector('[data-testid="endpoint-findings"]')?.textContent ?? '';
    await waitUntil(() => list().includes('Emails served openly'), 'the findings');
    expect(list()).toContain('API2:2023 Broken Authentication');
    expect(api.requests.map((r) => r.url)).toEqual([
      `/api/v1/findings?endpointId=${encodeURIComponent(users.id)}&limit=100`,
    ]);
    expect(view.container.querySelector('[data-testid="endpoint-risk"]')!.textContent).toContain(
      'Risk 48 of 100 (critical)',
    );
    expect(text()).toContain('48 critical');
  });

  it('should show nothing for an endpoint without findings or risk', async () => {
    view = render(
      <EndpointFindings
        endpoint={endpoint({ id: 'quiet', risk: risk({ score: 0, level: 'none', factors: [] }) })}
      />,
    );
    await waitUntil(() => api.requests.length === 1, 'the request');
    await waitUntil(() => view!.container.innerHTML === '', 'the panel to go');
  });
});

describe(EndpointOperation.name, () => {
  it('should show this endpoint’s operation from the reconstructed document', async () => {
    view = render(<EndpointOperation endpoint={users} />);
    await waitUntil(
      () => view!.container.querySelector('[data-testid="operation-json"]') !== null,
      'the operation',
    );
    expect(text()).toContain('get /v1/users/{userId}: 2 responses, 1 parameters');
  });

  it('should not ask for the document of an endpoint never seen in traffic', async () => {
    view = render(<EndpointOperation endpoint={endpoint({ calls: 0, flags: ['orphan'] })} />);
    await waitUntil(() => text().includes('Never seen in traffic'), 'the empty state');
    expect(api.requests).toEqual([]);
  });
});
