import { type ApiCall } from '@apiscope/contracts';

import { apiCall } from './api-call.fixture';

const RESOURCES = [
  'users',
  'orders',
  'invoices',
  'products',
  'carts',
  'payments',
  'shipments',
  'reviews',
  'coupons',
  'addresses',
];

/** Five operations per resource, REST-style: a collection and an item (the id templates to `{…Id}`). */
const OPERATIONS: Array<{ method: string; item: boolean; status: number }> = [
  { method: 'GET', item: false, status: 200 },
  { method: 'POST', item: false, status: 201 },
  { method: 'GET', item: true, status: 200 },
  { method: 'PUT', item: true, status: 200 },
  { method: 'DELETE', item: true, status: 204 },
];

/**
 * Traffic for a large catalog: `services` hosts with 50 endpoints each (10 resources x 5
 * operations), one call per endpoint; one endpoint in seven answers without credentials, so the
 * `unauthenticated` filter has work to do. Deterministic: the same input gives the same calls.
 */
export function catalogTraffic(services: number): ApiCall[] {
  const calls: ApiCall[] = [];
  for (let s = 0; s < services; s++) {
    const host = `svc-${String(s).padStart(3, '0')}.internal.example`;
    RESOURCES.forEach((resource, r) =>
      OPERATIONS.forEach((op, o) => {
        const path = `/v1/${resource}${op.item ? `/${1000 + s * 7 + r}` : ''}`;
        const open = (s + r * 5 + o) % 7 === 0;
        calls.push(
          apiCall(
            {
              method: op.method,
              host,
              path,
              target: path,
              headers: [
                ['host', host],
                ...(open ? [] : [['authorization', 'Bearer opaque-token-1234'] as [string, string]]),
              ],
            },
            { status: op.status },
          ),
        );
      }),
    );
  }
  return calls;
}
