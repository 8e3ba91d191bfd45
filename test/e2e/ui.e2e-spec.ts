import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type Page } from 'playwright-core';

import { type Browser, ensureUiBuild, launchChromium, SCREENSHOT_DIR } from '../support/browser';
import { startUp, type UpProcess } from '../support/up-process';

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
    await shot('endpoint-light');
    // Back returns to the filtered table
    await page.goBack();
    await page.waitForURL(/\/endpoints\?flag=unauthenticated$/);
    await waitForRows(items.length);
  });

  it('should switch to dark and keep it across a reload', async () => {
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
