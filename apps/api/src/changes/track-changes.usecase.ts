import { Inject, Injectable } from '@nestjs/common';

import { type InventoryChange, diffInventory, watchKey } from '@apiscope/inventory';
import { InventoryChangeRepository } from '@apiscope/storage';

import { API_OPTIONS, type ApiOptions } from '../api-options.type';
import { GetInventoryUseCase } from '../inventory/get-inventory.usecase';
import { WebhookNotifier } from './webhook.notifier';

export const DEFAULT_QUIET_AFTER_MS = 24 * 3600 * 1000;

/**
 * One look: inventory and findings now vs. what was seen last; appends the differences to the feed
 * (and so to the webhook: a new finding is pushed the first time it is seen).
 */
@Injectable()
export class TrackChangesUseCase {
  constructor(
    @Inject(GetInventoryUseCase) private readonly inventory: GetInventoryUseCase,
    @Inject(InventoryChangeRepository) private readonly changes: InventoryChangeRepository,
    @Inject(WebhookNotifier) private readonly webhook: WebhookNotifier,
    @Inject(API_OPTIONS) private readonly options: ApiOptions,
  ) {}

  async execute(now = Date.now()): Promise<InventoryChange[]> {
    const [{ document, findings }, states] = await Promise.all([
      this.inventory.assess(),
      this.changes.states(),
    ]);
    const previous = new Map(states.map((s) => [watchKey(s), s]));
    const diff = diffInventory(
      previous,
      document,
      now,
      this.options.quietAfterMs ?? DEFAULT_QUIET_AFTER_MS,
      findings,
    );
    // feed first, then state: a crash in between repeats the changes (deduplicated), never loses them
    await this.changes.append(diff.changes);
    await this.changes.saveStates(diff.states);
    await this.webhook.notify(diff.changes);
    return diff.changes;
  }
}
