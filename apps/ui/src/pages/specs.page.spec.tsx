// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { clearApiCache } from '../api/use-api.hook';
import { dropServicesCache } from '../api/use-services.hook';
import { navigate } from '../router/router.util';
import { signIn } from '../session/session.util';
import { serviceDrift, specVersion } from '../testing/api.fixture';
import { type ApiServer, startApiServer, waitUntil } from '../testing/api-server.util';
import { click, render, type Rendered } from '../testing/render.util';
import { SpecsPage } from './specs.page';

const SERVICES = ['api.shop.example', 'billing.internal', 'legacy.example'];
let api: ApiServer;
let view: Rendered | undefined;
let billingDrift = 500;

beforeEach(async () => {
  signIn('admin-key-0123456789');
  clearApiCache();
  dropServicesCache();
  billingDrift = 500;
  const specs = [
    specVersion(),
    specVersion({ version: 2, title: 'Shop API 2' }),
    specVersion({ service: 'billing.internal' }),
  ];
  api = await startApiServer((url, req, body) => {
    const path = decodeURIComponent(url.pathname);
    if (path === '/api/v1/services')
      return {
        body: {
          items: SERVICES.map((name) => ({
            name,
            endpoints: 2,
            calls: 5,
            firstSeen: '2026-11-20T09:00:00Z',
            lastSeen: '2026-11-20T09:10:00Z',
          })),
          nextCursor: null,
        },
      };
    if (path === '/api/v1/specs' && req.method === 'GET') return { body: { specs } };
    if (path === '/api/v1/specs' && req.method === 'POST') {
      const { service, document } = JSON.parse(body) as { service: string; document: string };
      if (!document.includes('openapi'))
        return {
          status: 400,
          body: {
            status: 400,
            errors: [{ field: 'document', problem: 'not an OpenAPI document: no openapi or swagger field' }],
          },
        };
      const added = specVersion({ service, version: 1, title: 'Legacy API', operations: 3 });
      specs.push(added);
      return { status: 201, body: added };
    }
    if (path === '/api/v1/services/api.shop.example/drift') return { body: serviceDrift() };
    if (path === '/api/v1/services/billing.internal/drift')
      return { status: billingDrift, body: { status: billingDrift, detail: 'storage is not reachable' } };
    if (path === '/api/v1/services/legacy.example/drift')
      return { status: 404, body: { status: 404, detail: 'legacy.example has no reference spec' } };
    return undefined;
  });
});

afterEach(async () => {
  view?.unmount();
  view = undefined;
  await api.close();
});

const text = () => view!.container.textContent ?? '';

/** Sets a controlled input's value the way a user's typing does (React listens to `input`). */
function type(element: HTMLInputElement | HTMLTextAreaElement, value: string) {
  const proto =
    element instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  act(() => {
    Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(element, value);
    element.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe(SpecsPage.name, () => {
  it('should list every service with its spec versions, newest first, and a drift summary per spec', async () => {
    navigate('/specs', { replace: true });
    view = render(<SpecsPage />);
    await waitUntil(() => text().includes('2 drift items') && text().includes('error'), 'the drift cells');
    const rows = [...view.container.querySelectorAll('tbody tr')].map((r) => r.textContent ?? '');
    expect(rows).toHaveLength(3);
    // services with a spec first; the shop's latest version is 2
    expect(rows[0]).toMatch(/^api\.shop\.example.*Shop API 2.*v2v1.*2 drift items/);
    expect(rows[1]).toMatch(/^billing\.internal.*v1.*error/);
    expect(rows[2]).toMatch(/^legacy\.example.*no spec/);
    // no drift asked for a service without a spec
    expect(api.requests.some((r) => r.url.includes('legacy.example/drift'))).toBe(false);
    expect(text()).toContain('2 of 3 services have a reference spec');
  });

  it("should open one service's drift, linked to its endpoints", async () => {
    navigate('/specs?service=api.shop.example', { replace: true });
    view = render(<SpecsPage />);
    await waitUntil(
      () => view!.container.querySelector('[data-testid="drift-summary"]') !== null,
      'the drift',
    );
    expect(view.container.querySelector('[data-testid="drift-summary"]')!.textContent).toBe(
      'undocumented field × 1undocumented status × 1',
    );
    const links = [...view.container.querySelectorAll('a[href^="/endpoints/"]')].map((a) =>
      a.getAttribute('href'),
    );
    expect(links).toContain(`/endpoints/${encodeURIComponent(serviceDrift().items[0].endpointId)}`);
    expect(text()).toContain('$.internalNotes');
  });

  it('should show a clean no-spec state on 404 and an error state on other errors', async () => {
    navigate('/specs?service=legacy.example', { replace: true });
    view = render(<SpecsPage />);
    await waitUntil(() => text().includes('No reference spec'), 'the no-spec state');
    expect(view.container.querySelector('[role="alert"]')).toBeNull();
    view.unmount();
    navigate('/specs?service=billing.internal', { replace: true });
    view = render(<SpecsPage />);
    await waitUntil(() => view!.container.querySelector('[role="alert"]') !== null, 'the error state');
    expect(view.container.querySelector('[role="alert"]')!.textContent).toContain('storage is not reachable');
  });

  it("should show the parser's refusal of a bad spec, then import a good one as the next version", async () => {
    navigate('/specs', { replace: true });
    view = render(<SpecsPage />);
    await waitUntil(
      () => view!.container.querySelector('[data-testid="spec-upload-open"]') !== null,
      'the form',
    );
    click(view.container.querySelector('[data-testid="spec-upload-open"]')!);
    type(view.container.querySelector<HTMLInputElement>('[data-testid="spec-service"]')!, 'legacy.example');
    type(
      view.container.querySelector<HTMLTextAreaElement>('[data-testid="spec-document"]')!,
      'title: not a spec',
    );
    click(view.container.querySelector('button[type="submit"]')!);
    await waitUntil(
      () => view!.container.querySelector('[data-testid="spec-upload-error"]') !== null,
      'the refusal',
    );
    expect(view.container.querySelector('[data-testid="spec-upload-error"]')!.textContent).toBe(
      'The API refused the spec: document: not an OpenAPI document: no openapi or swagger field',
    );
    type(
      view.container.querySelector<HTMLTextAreaElement>('[data-testid="spec-document"]')!,
      'openapi: 3.1.0',
    );
    click(view.container.querySelector('button[type="submit"]')!);
    await waitUntil(
      () => view!.container.querySelector('[data-testid="spec-imported"]') !== null,
      'the import',
    );
    expect(view.container.querySelector('[data-testid="spec-imported"]')!.textContent).toContain(
      'as version 1 of legacy.example: 3 operations',
    );
    const posts = api.requests.filter((r) => r.method === 'POST');
    expect(posts.map((r) => r.url)).toEqual(['/api/v1/specs', '/api/v1/specs']);
    expect(JSON.parse(posts[1].body)).toEqual({ service: 'legacy.example', document: 'openapi: 3.1.0' });
    // the list reads afresh: legacy.example now has a spec (and its drift is asked for)
    await waitUntil(() => text().includes('3 of 3 services have a reference spec'), 'the new list');
  });
});
