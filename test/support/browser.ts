import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type BrowserContext, chromium } from 'playwright-core';

import { REPO_ROOT } from './corpus';

/** Where the browser tests leave their screenshots (`APISCOPE_SCREENSHOTS` to choose). */
export const SCREENSHOT_DIR =
  process.env['APISCOPE_SCREENSHOTS'] ?? join(tmpdir(), 'apiscope-ui-screenshots');

/** Builds the catalog when its sources changed (fast otherwise): the tests drive the real build. */
export function ensureUiBuild(): void {
  const result = spawnSync(process.execPath, [join(REPO_ROOT, 'tools', 'build-ui.mjs')], {
    encoding: 'utf8',
  });
  if (result.status !== 0)
    throw new Error(`building the web catalog failed:\n${result.stdout}${result.stderr}`);
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Debian's chromium through playwright-core, headless, with a fresh profile directory: no state from
 * another run, no background traffic (updates, sync).
 */
export async function launchChromium(options: { width?: number; height?: number } = {}): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'apiscope-chromium-'));
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
    colorScheme: 'light',
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
