import { type InventoryDocument, type InventoryEndpoint } from '../inventory.type';
import { diffInventory, watchKey } from './diff-inventory.util';
import { type EndpointWatchState } from './inventory-change.type';

const HOUR = 3600_000;
const now = Date.UTC(2026, 10, 23, 12);

const endpoint = (over: Partial<InventoryEndpoint>): InventoryEndpoint => ({
  method: 'GET',
  path: '/users/{userId}',
  calls: 3,
  firstSeen: new Date(now - 2 * HOUR).toISOString(),
  lastSeen: new Date(now - HOUR).toISOString(),
  statusCodes: { '200': 3 },
  latencyMs: null,
  auth: { schemes: [], status: 'authenticated', unauthenticatedSuccesses: 0, unauthenticatedStatusCodes: {} },
  flags: [],
  sensitive: [],
  parameters: [{ name: 'userId', in: 'path', required: true, schema: { type: 'string' } }],
  requestBody: null,
  responses: {
    '200': {
      type: 'object',
      properties: {
        id: { type: 'integer' },
        tags: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' } } } },
      },
    },
  },
  ...over,
});

const doc = (...endpoints: InventoryEndpoint[]): InventoryDocument => ({
  services: [{ name: 'api.test', endpoints }],
});

function remember(d: InventoryDocument, at: number): Map<string, EndpointWatchState> {
  const { states } = diffInventory(new Map(), d, at, 24 * HOUR);
  return new Map(states.map((s) => [watchKey(s), s]));
}

describe(diffInventory.name, () => {
  it('should announce a new service, its endpoints and their flags on first sight', () => {
    const { changes } = diffInventory(
      new Map(),
      doc(
        endpoint({ flags: ['unauthenticated'] }),
        endpoint({ method: 'POST', path: '/users', calls: 0, flags: ['orphan'] }),
      ),
      now,
      24 * HOUR,
    );
    expect(changes.map((c) => [c.kind, c.method, c.path, c.subject])).toEqual([
      ['new_service', '', '', ''],
      ['new_endpoint', 'GET', '/users/{userId}', ''],
      ['new_flag', 'GET', '/users/{userId}', 'unauthenticated'],
    ]);
  });

  it('should say nothing when nothing changed', () => {
    const d = doc(endpoint({}));
    const again = diffInventory(remember(d, now), d, now + HOUR, 24 * HOUR);
    expect(again).toEqual({ changes: [], states: [] });
  });

  it('should report new flags, data classes and fields, and persist the new state', () => {
    const before = remember(doc(endpoint({})), now);
    const after = endpoint({
      flags: ['sensitive', 'shadow'],
      sensitive: [
        { location: 'response.body', name: '$.email', class: 'email', count: 2, example: 'j***@e***.com' },
      ],
      responses: {
        '200': {
          type: 'object',
          properties: {
            id: { type: 'integer' },
            email: { type: 'string' },
            tags: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' } } } },
          },
        },
      },
    });
    const { changes, states } = diffInventory(before, doc(after), now + HOUR, 24 * HOUR);
    expect(changes.map((c) => [c.kind, c.subject])).toEqual([
      ['new_flag', 'sensitive'],
      ['new_flag', 'shadow'],
      ['new_sensitive_class', 'email'],
      ['new_field', 'response 200 $.email'],
    ]);
    expect(states).toHaveLength(1);
  });

  it('should notice an endpoint going quiet and coming back', () => {
    const d = doc(endpoint({}));
    const quiet = diffInventory(remember(d, now), d, now + 30 * HOUR, 24 * HOUR);
    expect(quiet.changes.map((c) => c.kind)).toEqual(['endpoint_quiet']);
    const state = new Map(quiet.states.map((s) => [watchKey(s), s]));
    const back = diffInventory(
      state,
      doc(endpoint({ lastSeen: new Date(now + 30 * HOUR).toISOString() })),
      now + 30 * HOUR,
      24 * HOUR,
    );
    expect(back.changes.map((c) => c.kind)).toEqual(['endpoint_active_again']);
  });
});
