import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type Page } from 'playwright-core';

import { type Browser, ensureUiBuild, launchChromium, SCREENSHOT_DIR } from '../support/browser';
import { startUp, type UpProcess } from '../support/up-process';

interface Change {
  kind: string;
  service: string;
  method: string;
  path: string;
}

interface FindingItem {
  title: string;
  severity: string;
  endpointId: string;
}

/** The laptop screen the catalog must work on besides 1280 px wide. */
const LAPTOP = { width: 1366, height: 768 };

interface EndpointItem {
  id: string;
  service: string;
  method: string;
  path: string;
  flags: string[];
  sensitive: Array<{ example: string }>;
}

/**
 * The web catalog in a real browser (Debian chromium via playwright-core) against `apiscope up
 * --demo`, as a security engineer uses it: sign in with the key, browse, filter, open an endpoint,
 * switch to dark, sign out. Every expectation is checked against what the REST API itself answers.
 */
describe('web catalog in chromium against apiscope up --demo', () => {
  let dir: string;
  let up: UpProcess;
  let browser: Browser;
  let page: Page;
  const requested: string[] = [];

  const api = async <T>(path: string): Promise<T> => {
    const res = await fetch(`${up.url}${path}`, { headers: { Authorization: `Bearer ${up.key}` } });
    if (!res.ok) throw new Error(`${path}: ${res.status}`);
    return (await res.json()) as T;
  };
  const rows = () => page.locator('table tbody tr');
  const shot = (name: string) =>
    page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
  /**
   * Waits until the table shows exactly `n` rows, loaded (the previous rows stay, dimmed, while the
   * next ones load): the n-th row must be the last one of a table that is not busy.
   */
  const waitForRows = (n: number) =>
    page.locator(`table:not([aria-busy]) tbody tr[tabindex]:nth-child(${n}):last-child`).waitFor();

  beforeAll(async () => {
    ensureUiBuild();
    dir = mkdtempSync(join(tmpdir(), 'apiscope-ui-e2e-'));
    up = await startUp(dir, ['--demo'], /calls stored/);
    browser = await launchChromium();
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.on('request', (r) => requested.push(r.url()));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await up?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('should refuse a wrong key on the sign-in page', async () => {
    await page.goto(`${up.url}/`);
    await page.locator('#api-key').fill('not-the-key-0123456789');
    await page.locator('button[type=submit]').click();
    await page.getByRole('alert').filter({ hasText: 'That key was refused' }).waitFor();
    await shot('login-light');
  });

  it('should sign in with the key and show the overview with the API figures', async () => {
    const { items: services } = await api<{ items: Array<{ endpoints: number }> }>(
      '/api/v1/services?limit=500',
    );
    await page.locator('#api-key').fill(up.key);
    await page.locator('button[type=submit]').click();
    await page.getByRole('heading', { name: 'Top risks' }).waitFor();
    const endpoints = page
      .locator('.stat')
      .filter({ has: page.locator('.stat-label', { hasText: /^Endpoints$/ }) })
      .locator('.stat-value')
      .filter({ hasText: /^\d/ });
    await endpoints.waitFor();
    await expect(endpoints.textContent()).resolves.toBe(
      String(services.reduce((n, s) => n + s.endpoints, 0)),
    );
    await page.locator('.risk-list li').first().waitFor();
    // calls over time from the stats route: the demo's calls, in the 24 hours up to the last one
    await page.getByRole('img', { name: 'Calls over time' }).waitFor();
    await shot('overview-light');
  });

  it('should show the catalog populated, as the API lists it', async () => {
    const { items } = await api<{ items: EndpointItem[] }>('/api/v1/endpoints?limit=100');
    expect(items.length).toBeGreaterThan(0);
    await page.getByRole('link', { name: 'Endpoints', exact: true }).click();
    await page.waitForURL(/\/endpoints$/);
    await waitForRows(items.length);
    await expect(rows().first().textContent()).resolves.toContain(items[0].path);
    await shot('endpoints-light');
  });

  it('should filter by flag unauthenticated and keep the filter in the URL', async () => {
    const { items } = await api<{ items: EndpointItem[] }>(
      '/api/v1/endpoints?flag=unauthenticated&limit=100',
    );
    await page.getByTestId('flag-unauthenticated').click();
    await page.waitForURL(/\/endpoints\?flag=unauthenticated$/);
    await waitForRows(items.length);
    for (const text of await rows().allTextContents()) expect(text).toContain('unauthenticated');
    const texts = await rows().allTextContents();
    expect(texts.map((text, i) => text.includes(items[i].path))).toEqual(items.map(() => true));
    // the URL is the view: a reload (or a colleague opening the link) shows the same rows
    await page.reload();
    await waitForRows(items.length);
    await expect(page.getByTestId('flag-unauthenticated').getAttribute('aria-pressed')).resolves.toBe('true');
    await shot('endpoints-unauthenticated-light');
  });

  it('should add a path text filter to the flag, in the URL too, and step Back out of it', async () => {
    const { items } = await api<{ items: EndpointItem[] }>(
      '/api/v1/endpoints?flag=unauthenticated&pathContains=PRODUCTS&limit=100',
    );
    expect(items.length).toBeGreaterThan(0);
    await page.getByTestId('path-filter').fill('PRODUCTS');
    await page.waitForURL(/\/endpoints\?flag=unauthenticated&q=PRODUCTS$/);
    await waitForRows(items.length);
    await page.getByTestId('path-filter').fill('');
    await page.waitForURL(/\/endpoints\?flag=unauthenticated$/);
    // a chip is a step of its own: Back from "all endpoints" returns to the flag
    const all = await api<{ items: EndpointItem[] }>('/api/v1/endpoints?limit=100');
    await page.getByRole('button', { name: 'All endpoints' }).click();
    await page.waitForURL(/\/endpoints$/);
    await waitForRows(all.items.length);
    await page.goBack();
    await page.waitForURL(/\/endpoints\?flag=unauthenticated$/);
  });

  it('should open an endpoint from the keyboard and show its detail', async () => {
    const { items } = await api<{ items: EndpointItem[] }>(
      '/api/v1/endpoints?flag=unauthenticated&limit=100',
    );
    const target = items[1];
    await rows().first().focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    // the page's URL is the endpoint's: its id in the API (GET /api/v1/endpoints/{id})
    await page.waitForURL(/\/endpoints\/[A-Za-z0-9_-]+$/);
    expect(decodeURIComponent(new URL(page.url()).pathname.slice('/endpoints/'.length))).toBe(target.id);
    await expect(page.getByTestId('endpoint-path').textContent()).resolves.toBe(target.path);
    await page.getByRole('img', { name: 'Calls per status code' }).waitFor();
    await page.getByRole('img', { name: 'Calls over time' }).waitFor();
    await expect(page.locator('.breadcrumbs').textContent()).resolves.toContain(target.service);
    // sensitive fields show the server's masked example; this build's API reports them when it finds any
    if (target.sensitive.length > 0) await page.getByText(target.sensitive[0].example).first().waitFor();
    else await page.getByText('No sensitive data reported').waitFor();
    // the service's reference spec (the demo's), from GET /api/v1/specs
    const { specs } = await api<{ specs: Array<{ service: string; title: string }> }>('/api/v1/specs');
    const spec = specs.find((s) => s.service === target.service);
    if (spec) await page.getByTestId('reference-spec').filter({ hasText: spec.title }).waitFor();
    else await page.getByText('No reference spec').waitFor();
    // its change history: the API's change feed (no endpoint filter there), this endpoint's entries
    const { items: feed } = await api<{ items: Change[] }>(
      `/api/v1/changes?since=${encodeURIComponent('2000-01-01T00:00:00Z')}&limit=1000`,
    );
    const mine = feed.filter(
      (c) =>
        c.service === target.service &&
        ((c.method === target.method && c.path === target.path) ||
          (c.kind === 'new_service' && c.path === '')),
    );
    expect(mine.some((c) => c.kind === 'new_endpoint')).toBe(true);
    await page.locator(`.timeline li:nth-child(${mine.length}):last-child`).waitFor();
    await shot('endpoint-light');
    // Back returns to the filtered table
    await page.goBack();
    await page.waitForURL(/\/endpoints\?flag=unauthenticated$/);
    await waitForRows(items.length);
  });

  it('should filter the catalog by data class on the server, in the URL', async () => {
    const { items } = await api<{ items: EndpointItem[] }>('/api/v1/endpoints?class=email&limit=100');
    expect(items.length).toBeGreaterThan(0);
    await page.goto(`${up.url}/endpoints`);
    await rows().first().waitFor();
    await page.getByLabel('Data class').selectOption('email');
    await page.waitForURL(/\/endpoints\?class=email$/);
    await waitForRows(items.length);
    const texts = await rows().allTextContents();
    expect(texts.map((text, i) => text.includes(items[i].path))).toEqual(items.map(() => true));
  });

  it("should list reference specs, show the parser's refusal, import a spec and download the OpenAPI document", async () => {
    const { specs } = await api<{ specs: Array<{ service: string; title: string; version: number }> }>(
      '/api/v1/specs',
    );
    expect(specs.length).toBeGreaterThan(0);
    await page.goto(`${up.url}/specs`);
    for (const spec of specs)
      await rows()
        .filter({ hasText: spec.service })
        .filter({ hasText: spec.title })
        .filter({ hasText: `v${spec.version}` })
        .waitFor();
    await shot('specs-light');

    // a bad spec: the form shows the reason the API's parser gives
    const bad = 'openapi: 3.0.0\ninfo: {title: Partners}\n';
    const refusal = await fetch(`${up.url}/api/v1/specs`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${up.key}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ service: 'partners.shop.example', document: bad }),
    });
    expect(refusal.status).toBe(400);
    const problem = (await refusal.json()) as { errors: Array<{ field: string; problem: string }> };
    await page.getByTestId('spec-upload-open').click();
    await page.getByTestId('spec-service').fill('partners.shop.example');
    await page.getByTestId('spec-document').fill(bad);
    await page.getByRole('button', { name: 'Upload spec' }).click();
    await expect(page.getByTestId('spec-upload-error').textContent()).resolves.toBe(
      `The API refused the spec: document: ${problem.errors[0].problem}`,
    );
    await shot('specs-upload-refused-light');
    // a good one becomes the service's first version, listed at once
    await page
      .getByTestId('spec-document')
      .fill(
        'openapi: 3.1.0\ninfo: {title: Partners API, version: "1"}\npaths:\n  /v1/ping:\n    get:\n      responses:\n        "200": {description: ok}\n',
      );
    await page.getByRole('button', { name: 'Upload spec' }).click();
    await page
      .getByTestId('spec-imported')
      .filter({ hasText: 'version 1 of partners.shop.example' })
      .waitFor();
    await rows().filter({ hasText: 'partners.shop.example' }).filter({ hasText: 'Partners API' }).waitFor();
    const after = await api<{ specs: Array<{ service: string; version: number }> }>('/api/v1/specs');
    expect(after.specs.filter((s) => s.service === 'partners.shop.example').map((s) => s.version)).toEqual([
      1,
    ]);

    // the reconstructed document, saved as a file, is the API's
    const expected = await api<{ openapi: string; paths: Record<string, unknown> }>(
      '/api/v1/services/api.shop.example/openapi',
    );
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-api.shop.example').click(),
    ]);
    expect(download.suggestedFilename()).toBe('api.shop.example.openapi.json');
    const saved = join(dir, 'downloaded.openapi.json');
    await download.saveAs(saved);
    const document = JSON.parse(readFileSync(saved, 'utf8')) as typeof expected;
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths).sort()).toEqual(Object.keys(expected.paths).sort());
  });

  it("should show a service's drift from its reference spec as the API reports it", async () => {
    const drift = await api<{ summary: Record<string, number>; items: Array<{ drift: unknown[] }> }>(
      '/api/v1/services/api.shop.example/drift',
    );
    await page.goto(`${up.url}/specs?service=api.shop.example`);
    const summary = page.getByTestId('drift-summary');
    await summary.waitFor();
    const counted = Object.entries(drift.summary).filter(([, n]) => n > 0);
    const text = await summary.textContent();
    if (counted.length === 0) expect(text).toContain('no drift');
    for (const [kind, n] of counted) expect(text).toContain(`${kind.replace(/-/g, ' ')} × ${n}`);
    const items = drift.items.reduce((n, i) => n + i.drift.length, 0);
    if (items > 0)
      await page
        .locator(`section:has([data-testid=drift-summary]) table tbody tr:nth-child(${items}):last-child`)
        .waitFor();
    // a service without a spec: a clean state, not an error
    await page.goto(`${up.url}/specs?service=auth.shop.example`);
    await page.getByRole('heading', { name: 'No reference spec' }).waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    await shot('specs-drift-light');
  });

  it('should list findings as GET /api/v1/findings pages them, filter in the URL and open an endpoint', async () => {
    const first = await api<{ items: FindingItem[] }>('/api/v1/findings?limit=100');
    expect(first.items.length).toBeGreaterThan(0);
    await page.goto(`${up.url}/findings`);
    await waitForRows(first.items.length);
    const texts = await rows().allTextContents();
    expect(texts.map((t, i) => t.includes(first.items[i].title))).toEqual(first.items.map(() => true));
    await shot('findings-light');
    const severity = first.items[0].severity;
    const filtered = await api<{ items: FindingItem[] }>(`/api/v1/findings?severity=${severity}&limit=100`);
    await page.getByTestId(`severity-${severity}`).click();
    await page.waitForURL(new RegExp(`/findings\\?severity=${severity}$`));
    await waitForRows(filtered.items.length);
    await rows().first().focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/endpoints\/[A-Za-z0-9_-]+$/);
    expect(decodeURIComponent(new URL(page.url()).pathname.slice('/endpoints/'.length))).toBe(
      filtered.items[0].endpointId,
    );
    // the endpoint's own findings, and its risk when the API gives one
    await page.getByTestId('endpoint-findings').filter({ hasText: filtered.items[0].title }).waitFor();
  });

  it('should save every page in light and dark, at 1280 px and on a laptop screen', async () => {
    const { items } = await api<{ items: EndpointItem[] }>('/api/v1/endpoints?flag=sensitive&limit=1');
    const pages: Array<[string, string]> = [
      ['overview', '/'],
      ['services', '/services'],
      ['endpoints', '/endpoints'],
      ['endpoint', `/endpoints/${encodeURIComponent(items[0].id)}`],
      ['findings', '/findings'],
      ['specs', '/specs?service=api.shop.example'],
    ];
    for (const theme of ['light', 'dark'])
      for (const size of [{ width: 1280, height: 800 }, LAPTOP]) {
        await page.setViewportSize(size);
        await page.evaluate(`localStorage.setItem('apiscope.theme', '${theme}')`);
        for (const [name, path] of pages) {
          await page.goto(`${up.url}${path}`);
          await page.waitForLoadState('networkidle');
          await page.locator('[role=status][aria-label^="Loading"]').first().waitFor({ state: 'detached' });
          // nothing sticks out sideways at this width
          expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(size.width);
          await shot(`${name}-${theme}-${size.width}`);
        }
      }
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.evaluate(`localStorage.setItem('apiscope.theme', 'light')`);
  });

  it('should switch to dark and keep it across a reload', async () => {
    await page.goto(`${up.url}/endpoints?flag=unauthenticated`);
    await rows().first().waitFor();
    const html = page.locator('html');
    await expect(html.getAttribute('data-theme')).resolves.toBe('light');
    const light = await page.evaluate('getComputedStyle(document.body).backgroundColor');
    await page.getByTestId('theme-toggle').click();
    await expect(html.getAttribute('data-theme')).resolves.toBe('dark');
    expect(await page.evaluate('getComputedStyle(document.body).backgroundColor')).not.toBe(light);
    await page.reload();
    await rows().first().waitFor();
    await expect(html.getAttribute('data-theme')).resolves.toBe('dark');
    await shot('endpoints-unauthenticated-dark');
    await page.goto(`${up.url}/`);
    await page.locator('.risk-list li').first().waitFor();
    await shot('overview-dark');
    await page.goto(`${up.url}/findings`);
    await rows().first().waitFor();
    await shot('findings-dark');
  });

  it('should sign out, forget the key, and never have put it in a URL or localStorage', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.locator('#api-key').waitFor();
    expect(await page.evaluate(`sessionStorage.getItem('apiscope.apiKey')`)).toBeNull();
    expect(await page.evaluate('JSON.stringify(localStorage)')).not.toContain(up.key);
    expect(requested.length).toBeGreaterThan(10);
    expect(requested.filter((u) => u.includes(up.key) || u.includes(encodeURIComponent(up.key)))).toEqual([]);
  });

  it('should go back to sign-in when the API refuses the kept key', async () => {
    await page.evaluate(`sessionStorage.setItem('apiscope.apiKey', 'revoked-key-0123456789')`);
    await page.goto(`${up.url}/endpoints`);
    await page.getByText('Your session ended').waitFor();
    await page.locator('#api-key').waitFor();
  });
});
