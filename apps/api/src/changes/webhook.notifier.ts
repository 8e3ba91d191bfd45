import { createHmac } from 'node:crypto';

import { Inject, Injectable, Logger } from '@nestjs/common';

import { type InventoryChange } from '@apiscope/inventory';

import { API_OPTIONS, type ApiOptions } from '../api-options.type';

const ATTEMPTS = 5;

/**
 * Pushes new changes to `--webhook URL`: JSON `{ "changes": [...] }`, header
 * `X-Apiscope-Signature: sha256=<hex HMAC of the body>` when a secret is set, retried with back-off.
 * A receiver that stays down loses nothing: the feed (`GET /api/v1/changes`) keeps every change.
 */
@Injectable()
export class WebhookNotifier {
  private readonly logger = new Logger(WebhookNotifier.name);

  constructor(@Inject(API_OPTIONS) private readonly options: ApiOptions) {}

  async notify(changes: readonly InventoryChange[]): Promise<boolean> {
    const url = this.options.webhookUrl;
    if (!url || changes.length === 0) return true;
    const body = JSON.stringify({
      changes: changes.map((c) => ({ ...c, ts: new Date(c.ts).toISOString() })),
    });
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'user-agent': 'apiscope-webhook/1',
    };
    if (this.options.webhookSecret)
      headers['x-apiscope-signature'] =
        `sha256=${createHmac('sha256', this.options.webhookSecret).update(body).digest('hex')}`;
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers,
          body,
          signal: AbortSignal.timeout(10_000),
        });
        if (response.ok) return true;
        this.logger.warn(`webhook answered ${response.status} (attempt ${attempt}/${ATTEMPTS})`);
        if (response.status < 500 && response.status !== 429) return false;
      } catch (error) {
        this.logger.warn(`webhook unreachable (attempt ${attempt}/${ATTEMPTS}): ${(error as Error).message}`);
      }
      await new Promise((r) => setTimeout(r, Math.min(500 * 2 ** (attempt - 1), 8000)));
    }
    return false;
  }
}
