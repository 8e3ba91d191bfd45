import { assessInventory } from '../findings/assess-inventory.util';
import { type Finding } from '../findings/finding.type';
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

  describe('new findings', () => {
    const hash = {
      location: 'response.body' as const,
      name: '$.password_hash',
      class: 'password_hash' as const,
      count: 3,
      example: '$2b$***',
    };
    const open = {
      schemes: [],
      status: 'unauthenticated' as const,
      unauthenticatedSuccesses: 3,
      unauthenticatedStatusCodes: { '200': 3 },
    };
    const assessed = (e: InventoryEndpoint) => assessInventory(doc(e));
    const look = (previous: Map<string, EndpointWatchState>, e: InventoryEndpoint, at: number) => {
      const { document, findings } = assessed(e);
      return diffInventory(previous, document, at, 24 * HOUR, findings);
    };
    const asMap = (states: EndpointWatchState[]) => new Map(states.map((s) => [watchKey(s), s]));
    const subjects = (changes: Array<{ kind: string; subject: string }>) =>
      changes.filter((c) => c.kind === 'new_finding').map((c) => c.subject);

    it('should announce every finding of a new endpoint by its stable id', () => {
      const { changes, states } = look(new Map(), endpoint({ sensitive: [hash] }), now);
      const ids = assessed(endpoint({ sensitive: [hash] })).findings.map((f: Finding) => f.id);
      expect(subjects(changes)).toEqual([...ids].sort());
      expect(subjects(changes)).toEqual([
        'credential-exposure api.test GET /users/{userId} response.body $.password_hash password_hash',
      ]);
      expect(states[0].findings).toEqual(subjects(changes));
    });

    it.each<[string, Partial<InventoryEndpoint>, Partial<InventoryEndpoint>, string[]]>([
      ['nothing changed', { sensitive: [hash] }, { sensitive: [hash] }, []],
      [
        'the endpoint starts answering without credentials',
        { sensitive: [hash] },
        { sensitive: [hash], auth: open },
        ['sensitive-data-unauthenticated api.test GET /users/{userId}'],
      ],
      ['a finding goes away', { sensitive: [hash] }, {}, []],
      [
        'a finding comes back after going away',
        {},
        { sensitive: [hash] },
        ['credential-exposure api.test GET /users/{userId} response.body $.password_hash password_hash'],
      ],
    ])('should report only findings not known before when %s', (_name, first, second, expected) => {
      const before = asMap(look(new Map(), endpoint(first), now).states);
      const { changes } = look(before, endpoint(second), now + HOUR);
      expect(subjects(changes)).toEqual(expected);
    });

    it('should persist a state when only its findings change, and not otherwise', () => {
      const before = asMap(look(new Map(), endpoint({ sensitive: [hash] }), now).states);
      expect(look(before, endpoint({ sensitive: [hash] }), now + HOUR).states).toEqual([]);
      // same flags (set by the fixture), classes and fields: only the findings differ
      const moved = look(before, endpoint({ sensitive: [hash], auth: open }), now + HOUR);
      expect(moved.states.map((s) => s.findings?.length)).toEqual([2]);
    });

    it('should learn the findings of a state remembered before findings were tracked, silently', () => {
      const { states } = look(new Map(), endpoint({ sensitive: [hash] }), now);
      const legacy = asMap(
        states.map((s) => {
          const remembered = { ...s };
          delete remembered.findings;
          return remembered;
        }),
      );
      const upgraded = look(legacy, endpoint({ sensitive: [hash] }), now + HOUR);
      expect(subjects(upgraded.changes)).toEqual([]);
      expect(upgraded.states.map((s) => s.findings)).toEqual([states[0].findings]);
      // from then on a new finding is reported
      const next = look(asMap(upgraded.states), endpoint({ sensitive: [hash], auth: open }), now + 2 * HOUR);
      expect(subjects(next.changes)).toEqual(['sensitive-data-unauthenticated api.test GET /users/{userId}']);
    });
  });
});
