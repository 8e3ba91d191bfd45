import { type InventoryDocument, type InventoryEndpoint, endpointKeyPath } from '@apiscope/inventory';

import { endpointIdOf } from './endpoint-id.util';
import { type EndpointSort } from './endpoint-sort.constant';

export type ServiceEndpoint = InventoryEndpoint & { id: string; service: string };
/** [sort, measure, service, method, key path]: what a cursor of this list holds. */
export type EndpointSortKey = [EndpointSort, number, string, string, string];

interface SortedEndpoints {
  rows: ServiceEndpoint[];
  keys: EndpointSortKey[];
}

const indexes = new WeakMap<InventoryDocument, EndpointIndex>();

/**
 * The endpoints of one (cached, shared) inventory document as the endpoint routes read them: with
 * ids, by id, and in each sort order with its keys, each derived once per document rather than per
 * request. A page is then a binary search for the cursor and a walk of `limit` rows.
 */
export class EndpointIndex {
  readonly endpoints: ServiceEndpoint[];
  private readonly byId = new Map<string, ServiceEndpoint>();
  private readonly orders = new Map<EndpointSort, SortedEndpoints>();

  private constructor(doc: InventoryDocument) {
    this.endpoints = doc.services.flatMap((s) =>
      s.endpoints.map((e) => ({
        id: endpointIdOf({ service: s.name, method: e.method, pathTemplate: endpointKeyPath(e) }),
        service: s.name,
        ...e,
      })),
    );
    for (const e of this.endpoints) this.byId.set(e.id, e);
  }

  static of(doc: InventoryDocument): EndpointIndex {
    let index = indexes.get(doc);
    if (!index) indexes.set(doc, (index = new EndpointIndex(doc)));
    return index;
  }

  get(id: string): ServiceEndpoint | undefined {
    return this.byId.get(id);
  }

  sorted(sort: EndpointSort): SortedEndpoints {
    let order = this.orders.get(sort);
    if (!order) {
      const descending = sort.startsWith('-');
      const rows = this.endpoints
        .map((e) => ({ e, key: sortKeyOf(e, sort) }))
        .sort((a, b) => compareSortKeys(a.key, b.key, descending));
      order = { rows: rows.map((r) => r.e), keys: rows.map((r) => r.key) };
      this.orders.set(sort, order);
    }
    return order;
  }

  /** Index of the first row strictly after `key` in the order of `sort` (rows.length if none). */
  after(sort: EndpointSort, key: ReadonlyArray<string | number>): number {
    const { keys } = this.sorted(sort);
    const descending = sort.startsWith('-');
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareSortKeys(keys[mid], key, descending) > 0) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

export function sortKeyOf(e: ServiceEndpoint, sort: EndpointSort): EndpointSortKey {
  const measure =
    sort === 'path' ? 0 : sort.endsWith('calls') ? e.calls : e.lastSeen === null ? 0 : Date.parse(e.lastSeen);
  return [sort, measure, e.service, e.method, endpointKeyPath(e)];
}

/** Sort keys compare as storage would order them: the measure (either way), then names byte-wise. */
function compareSortKeys(
  a: ReadonlyArray<string | number>,
  b: ReadonlyArray<string | number>,
  descending: boolean,
): number {
  if (a[1] !== b[1]) return descending ? Number(b[1]) - Number(a[1]) : Number(a[1]) - Number(b[1]);
  for (let i = 2; i < a.length; i++) if (a[i] !== b[i]) return String(a[i]) < String(b[i]) ? -1 : 1;
  return 0;
}
