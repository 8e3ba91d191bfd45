import { PathTemplater } from './path-templater.util';
import { MIN_RECURRENCE } from './recurring-leaves.util';

/**
 * Field and filter selectors (Trello: `GET /1/boards/{idBoard}/{field}`, `GET /1/members/{idMember}/
 * boards/{filter}`) take dictionary words as values, the same words under every resource; operation
 * names that recur under a few resources (StackExchange `/users/{ids}/answers`, `/me/answers`; SendGrid
 * `/stats` under many categories but alone) stay literal. Templates below are real ones from
 * ../shared/corpus/specs (trello.com__1.0.json, stackexchange.com__2.0.json).
 */
const FIELDS = ['name', 'desc', 'closed', 'url', 'shortUrl', 'pos', 'due', 'idBoard', 'labelNames', 'prefs'];
const FILTERS = ['all', 'open', 'closed', 'visible', 'members', 'public', 'private', 'starred'];
const ids = Array.from({ length: 12 }, (_, i) =>
  (0x5a1b2c3d4e5f60718293a4b5 + i * 7919).toString(16).padStart(24, '0'),
);
const SE_IDS = ['22656', '1144035', '6309', '29407', '17034'];

type Op = { method: string; template: string; values?: string[] };

const TRELLO: Op[] = [
  ...['boards', 'cards', 'lists', 'members', 'organizations', 'checklists'].flatMap((r) => [
    { method: 'GET', template: `/1/${r}/{id}` },
    { method: 'GET', template: `/1/${r}/{id}/{field}`, values: FIELDS },
  ]),
  // as in the spec: five resources list their actions
  ...['boards', 'cards', 'lists', 'members', 'organizations'].map((r) => ({
    method: 'GET',
    template: `/1/${r}/{id}/actions`,
  })),
  ...['board', 'list', 'card', 'member', 'organization'].map((sub) => ({
    method: 'GET',
    template: `/1/actions/{id}/${sub}/{field}`,
    values: FIELDS,
  })),
  ...['board', 'list', 'card', 'member', 'organization'].map((sub) => ({
    method: 'GET',
    template: `/1/actions/{id}/${sub}`,
  })),
  { method: 'GET', template: '/1/boards/{id}/cards' },
  { method: 'GET', template: '/1/boards/{id}/cards/{filter}', values: FILTERS },
  { method: 'GET', template: '/1/members/{id}/boards/{filter}', values: FILTERS },
  { method: 'GET', template: '/1/members/{id}/cards/{filter}', values: FILTERS },
  { method: 'GET', template: '/1/lists/{id}/cards/{filter}', values: FILTERS },
  { method: 'GET', template: '/1/organizations/{id}/boards/{filter}', values: FILTERS },
  { method: 'GET', template: '/1/checklists/{id}/cards/{filter}', values: FILTERS },
  { method: 'PUT', template: '/1/cards/{id}/closed' },
  { method: 'PUT', template: '/1/boards/{id}/name' },
  { method: 'POST', template: '/1/boards/{id}/labels' },
  { method: 'GET', template: '/1/boards/{id}/labels' },
];

const STACKEXCHANGE: Op[] = [
  ...[
    'answers',
    'badges',
    'comments',
    'favorites',
    'mentioned',
    'questions',
    'reputation',
    'tags',
    'timeline',
  ].flatMap((leaf) => [
    { method: 'GET', template: `/2.0/users/{ids}/${leaf}` },
    { method: 'GET', template: `/2.0/me/${leaf}` },
  ]),
  ...['answers', 'comments', 'linked', 'related', 'timeline'].map((leaf) => ({
    method: 'GET',
    template: `/2.0/questions/{ids}/${leaf}`,
  })),
  { method: 'GET', template: '/2.0/answers/{ids}/comments' },
  { method: 'GET', template: '/2.0/posts/{ids}/comments' },
  { method: 'GET', template: '/2.0/comments/{ids}' },
];

const SENDGRID_STATS: Op[] = [
  'browsers',
  'devices',
  'clients',
  'geo',
  'mailbox_providers',
  'categories',
  'subusers',
].map((r) => ({ method: 'GET', template: `/v3/${r}/stats` }));

/** Every op gets calls with every value (ids cycling), interleaved; the literal is the op's value. */
function traffic(ops: Op[]): Array<{ method: string; path: string; template: string }> {
  const out: Array<{ method: string; path: string; template: string }> = [];
  ops.forEach((op, o) => {
    const values = op.values ?? [''];
    for (let i = 0; i < Math.max(6, values.length * 2); i++) {
      const path = op.template
        .replace(/\{(field|filter)\}/, values[i % values.length])
        .replace('{ids}', SE_IDS[(i + o) % SE_IDS.length])
        .replace('{id}', ids[(i * 5 + o) % ids.length]);
      out.push({ method: op.method, path, template: op.template });
    }
  });
  return out
    .map((c, i) => ({ c, k: (i * 7919) % out.length }))
    .sort((a, b) => a.k - b.k)
    .map((x) => x.c);
}

const norm = (t: string) => t.replace(/\{[^}]*\}/g, '{}');

describe('recurring leaf vocabularies', () => {
  it.each([
    ['Trello field and filter selectors', TRELLO],
    ['StackExchange collections under users, me, questions', STACKEXCHANGE],
    ['SendGrid stats under many resources', SENDGRID_STATS],
  ])('should template %s as their spec does', (_name, ops) => {
    const calls = traffic(ops);
    const templater = new PathTemplater();
    for (const c of calls) templater.observe(c.method, c.path);
    templater.consolidate();
    const wrong = calls
      .map((c) => ({ ...c, got: templater.resolve(c.path, c.method).template }))
      .filter((c) => norm(c.got) !== norm(c.template))
      .map((c) => `${c.method} ${c.path} -> ${c.got} (want ${c.template})`);
    expect([...new Set(wrong)].slice(0, 10)).toEqual([]);
  });

  it('should keep selector names literal while they recur under fewer resources than the threshold', () => {
    const resources = ['boards', 'cards', 'lists', 'members', 'organizations', 'checklists'].slice(
      0,
      MIN_RECURRENCE - 1,
    );
    const calls = traffic(
      resources.map((r) => ({ method: 'GET', template: `/1/${r}/{id}/{field}`, values: FIELDS })),
    );
    const templater = new PathTemplater();
    for (const c of calls) templater.observe(c.method, c.path);
    templater.consolidate();
    expect(templater.resolve(`/1/boards/${ids[0]}/desc`, 'GET').template).toBe('/1/boards/{boardId}/desc');
  });

  it('should resolve reads of a selector name to the parameter and writes to the operation, after a JSON round trip', () => {
    const templater = new PathTemplater();
    for (const c of traffic(TRELLO)) templater.observe(c.method, c.path);
    templater.consolidate();
    const restored = PathTemplater.fromJSON(JSON.parse(JSON.stringify(templater.toJSON())));
    for (const t of [templater, restored]) {
      expect(norm(t.resolve(`/1/cards/${ids[3]}/closed`, 'GET').template)).toBe('/1/cards/{}/{}');
      expect(norm(t.resolve(`/1/cards/${ids[3]}/closed`, 'PUT').template)).toBe('/1/cards/{}/closed');
      expect(norm(t.resolve(`/1/boards/${ids[1]}/labels`, 'GET').template)).toBe('/1/boards/{}/labels');
    }
  });

  it.each([
    // Trello `/1/notifications/{idNotification}/memberCreator/{field}`: the traffic read two fields there
    [
      'two names of the field selector known elsewhere',
      ['name', 'shortUrl'],
      '/1/notifications/{}/memberCreator/{}',
    ],
    // one known name is not enough: a resource's own operation may share a selector's name
    ['a single known name', ['name'], '/1/notifications/{}/memberCreator/name'],
  ])('should recognise a selector from %s', (_name, values, expected) => {
    const templater = new PathTemplater();
    for (const c of traffic(TRELLO)) templater.observe(c.method, c.path);
    for (const [i, value] of values.entries())
      templater.observe('GET', `/1/notifications/${ids[i]}/memberCreator/${value}`);
    templater.observe('GET', `/1/notifications/${ids[5]}/memberCreator`);
    templater.consolidate();
    expect(
      norm(templater.resolve(`/1/notifications/${ids[0]}/memberCreator/${values[0]}`, 'GET').template),
    ).toBe(expected);
  });
});
