import { PathTemplater } from './path-templater.util';

/**
 * Real path families (shapes and values as the public APIs serve them), hand-written so the
 * templater is not only measured on the traffic generator it was tuned with.
 */
type Family = Array<{ method: string; template: string; calls: number; values: Record<string, string[]> }>;

const LOGINS = [
  'torvalds',
  'octocat',
  'gaearon',
  'sindresorhus',
  'defunkt',
  'mojombo',
  'tj',
  'yyx990803',
  'addyosmani',
  'kentcdodds',
  'mitchellh',
  'fabpot',
  'taylorotwell',
  'dhh',
  'jashkenas',
  'substack',
  'pjhyett',
  'wycats',
  'ezyang',
  'rsc',
];
const REPOS = [
  'linux',
  'react',
  'vue',
  'hello-world',
  'express',
  'rails',
  'dotfiles',
  'spoon-knife',
  'terraform',
  'laravel',
  'symfony',
  'go',
  'pytorch',
  'awesome-python',
  'create-react-app',
  'vite',
];
const ORGS = [
  'github',
  'microsoft',
  'google',
  'facebook',
  'vercel',
  'hashicorp',
  'kubernetes',
  'nodejs',
  'rust-lang',
  'golang',
];
const hex = (n: number, seed: number) =>
  Array.from({ length: n }, (_, i) => '0123456789abcdef'[(seed * 7 + i * 13 + ((seed * i) % 11)) % 16]).join(
    '',
  );
const SHAS = Array.from({ length: 20 }, (_, i) => hex(40, i + 1));
const NUMBERS = Array.from({ length: 30 }, (_, i) => String(100 + i * 37));
const stripeId = (prefix: string) =>
  Array.from(
    { length: 15 },
    (_, i) => `${prefix}_${hex(6, i)}Kx${String.fromCharCode(65 + i)}q9${hex(6, i + 40)}`,
  );
const twilio = (prefix: string) => Array.from({ length: 12 }, (_, i) => `${prefix}${hex(32, i + 3)}`);
const NAMESPACES = [
  'default',
  'kube-system',
  'kube-public',
  'monitoring',
  'ingress-nginx',
  'cert-manager',
  'production',
  'staging',
];
const PODS = Array.from(
  { length: 20 },
  (_, i) => `${['nginx', 'coredns', 'api', 'worker', 'redis'][i % 5]}-${hex(10, i)}-${hex(5, i + 9)}`,
);
const DEPLOYMENTS = [
  'coredns',
  'nginx',
  'api-gateway',
  'metrics-server',
  'prometheus',
  'grafana',
  'redis',
  'payments',
  'checkout',
  'cart-service',
];
const NODES = Array.from({ length: 8 }, (_, i) => `ip-10-0-${i}-${20 + i}.ec2.internal`);

const GITHUB: Family = [
  { method: 'GET', template: '/users/{username}', calls: 60, values: { username: LOGINS } },
  { method: 'GET', template: '/users/{username}/repos', calls: 40, values: { username: LOGINS } },
  { method: 'GET', template: '/users/{username}/followers', calls: 12, values: { username: LOGINS } },
  { method: 'GET', template: '/users/me', calls: 30, values: {} },
  { method: 'GET', template: '/users/lookup', calls: 8, values: {} },
  { method: 'GET', template: '/repos/{owner}/{repo}', calls: 80, values: { owner: LOGINS, repo: REPOS } },
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/issues',
    calls: 50,
    values: { owner: LOGINS, repo: REPOS },
  },
  {
    method: 'POST',
    template: '/repos/{owner}/{repo}/issues',
    calls: 6,
    values: { owner: LOGINS, repo: REPOS },
  },
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/issues/{number}',
    calls: 40,
    values: { owner: LOGINS, repo: REPOS, number: NUMBERS },
  },
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/pulls/{number}/files',
    calls: 3,
    values: { owner: LOGINS, repo: REPOS, number: NUMBERS },
  },
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/commits/{sha}',
    calls: 25,
    values: { owner: LOGINS, repo: REPOS, sha: SHAS },
  },
  { method: 'GET', template: '/orgs/{org}/members', calls: 20, values: { org: ORGS } },
  { method: 'GET', template: '/user', calls: 40, values: {} },
  { method: 'GET', template: '/user/repos', calls: 15, values: {} },
  { method: 'GET', template: '/search/repositories', calls: 30, values: {} },
  { method: 'GET', template: '/search/issues', calls: 10, values: {} },
  { method: 'GET', template: '/rate_limit', calls: 5, values: {} },
  { method: 'GET', template: '/settings/notifications', calls: 4, values: {} },
  { method: 'GET', template: '/onboarding/status', calls: 3, values: {} },
];

const STRIPE: Family = [
  { method: 'GET', template: '/v1/customers', calls: 30, values: {} },
  { method: 'POST', template: '/v1/customers', calls: 10, values: {} },
  { method: 'GET', template: '/v1/customers/search', calls: 8, values: {} },
  { method: 'GET', template: '/v1/customers/{id}', calls: 40, values: { id: stripeId('cus') } },
  { method: 'GET', template: '/v1/customers/{id}/sources', calls: 6, values: { id: stripeId('cus') } },
  { method: 'POST', template: '/v1/payment_intents/{id}/confirm', calls: 20, values: { id: stripeId('pi') } },
  { method: 'GET', template: '/v1/payment_intents/{id}', calls: 20, values: { id: stripeId('pi') } },
  { method: 'GET', template: '/v1/charges/{id}', calls: 12, values: { id: stripeId('ch') } },
  { method: 'GET', template: '/v1/balance', calls: 9, values: {} },
];

const TWILIO: Family = [
  {
    method: 'POST',
    template: '/2010-04-01/Accounts/{sid}/Messages.json',
    calls: 50,
    values: { sid: twilio('AC') },
  },
  {
    method: 'GET',
    template: '/2010-04-01/Accounts/{sid}/Messages/{id}.json',
    calls: 30,
    values: { sid: twilio('AC'), id: twilio('SM') },
  },
  {
    method: 'GET',
    template: '/2010-04-01/Accounts/{sid}/Calls/{id}.json',
    calls: 10,
    values: { sid: twilio('AC'), id: twilio('CA') },
  },
  { method: 'GET', template: '/2010-04-01/Accounts/{sid}.json', calls: 8, values: { sid: twilio('AC') } },
];

const SLACK: Family = [
  'chat.postMessage',
  'chat.update',
  'chat.delete',
  'users.info',
  'users.list',
  'users.lookupByEmail',
  'conversations.list',
  'conversations.history',
  'conversations.info',
  'conversations.join',
  'auth.test',
  'files.upload',
  'reactions.add',
  'team.info',
  'emoji.list',
  'im.open',
].map((op, i) => ({ method: 'POST', template: `/api/${op}`, calls: 5 + (i % 4) * 10, values: {} }));

const KUBERNETES: Family = [
  {
    method: 'GET',
    template: '/api/v1/namespaces/{namespace}/pods',
    calls: 40,
    values: { namespace: NAMESPACES },
  },
  {
    method: 'GET',
    template: '/api/v1/namespaces/{namespace}/pods/{name}',
    calls: 40,
    values: { namespace: NAMESPACES, name: PODS },
  },
  {
    method: 'GET',
    template: '/api/v1/namespaces/{namespace}/pods/{name}/log',
    calls: 15,
    values: { namespace: NAMESPACES, name: PODS },
  },
  {
    method: 'GET',
    template: '/api/v1/namespaces/{namespace}/services',
    calls: 10,
    values: { namespace: NAMESPACES },
  },
  {
    method: 'GET',
    template: '/api/v1/namespaces/{namespace}/configmaps',
    calls: 10,
    values: { namespace: NAMESPACES },
  },
  {
    method: 'GET',
    template: '/apis/apps/v1/namespaces/{namespace}/deployments/{name}',
    calls: 30,
    values: { namespace: NAMESPACES, name: DEPLOYMENTS },
  },
  {
    method: 'PATCH',
    template: '/apis/apps/v1/namespaces/{namespace}/deployments/{name}/scale',
    calls: 5,
    values: { namespace: NAMESPACES, name: DEPLOYMENTS },
  },
  {
    method: 'GET',
    template: '/apis/apps/v1/namespaces/{namespace}/deployments',
    calls: 12,
    values: { namespace: NAMESPACES },
  },
  { method: 'GET', template: '/api/v1/nodes/{name}', calls: 12, values: { name: NODES } },
  { method: 'GET', template: '/api/v1/nodes', calls: 6, values: {} },
  { method: 'GET', template: '/api/v1/namespaces', calls: 6, values: {} },
  { method: 'GET', template: '/healthz', calls: 30, values: {} },
  { method: 'GET', template: '/readyz', calls: 30, values: {} },
  { method: 'GET', template: '/livez', calls: 30, values: {} },
  { method: 'GET', template: '/version', calls: 10, values: {} },
];

/**
 * Mozilla Kinto (corpus spec mozilla.com__kinto__1.17.json): service endpoints beside a route whose
 * values always go on (the spec's route, without its last segment `{metrics:.*}`: its values are
 * dictionary words, `main`, `crash`, which stay literal by design).
 */
const KINTO: Family = [
  { method: 'GET', template: '/v1/__lbheartbeat__', calls: 25, values: {} },
  { method: 'GET', template: '/v1/__heartbeat__', calls: 20, values: {} },
  { method: 'GET', template: '/v1/__version__', calls: 6, values: {} },
  { method: 'GET', template: '/v1/__api__', calls: 4, values: {} },
  { method: 'GET', template: '/v1/buckets', calls: 20, values: {} },
  { method: 'POST', template: '/v1/batch', calls: 8, values: {} },
  {
    method: 'GET',
    template: '/v1/{prefix}/{api_ver}/{application_guid}/{application_ver}',
    calls: 40,
    values: {
      prefix: ['firefox-desktop', 'fenix', 'focus-ios', 'thunderbird', 'klar-android', 'reference-browser'],
      api_ver: ['1', '2', '3'],
      application_guid: ['ec8030f7-c20a-464f-9b0e-13a3a9e97384', '3550f703-e582-4d05-9a08-453d09bdfdc6'],
      application_ver: ['120.0.1', '121.0', '115.6.0esr'],
    },
  },
];

/** Interleaves the family's calls deterministically, values cycling through their lists. */
function traffic(family: Family): Array<{ method: string; path: string; template: string }> {
  const out: Array<{ method: string; path: string; template: string }> = [];
  family.forEach((op, o) => {
    for (let i = 0; i < op.calls; i++) {
      const path = op.template.replace(/\{(\w+)\}/g, (_m, name: string) => {
        const values = op.values[name];
        return values[(i * 7 + o * 3 + name.length) % values.length];
      });
      out.push({ method: op.method, path, template: op.template });
    }
  });
  return out
    .map((c, i) => ({ c, k: (i * 7919) % out.length }))
    .sort((a, b) => a.k - b.k)
    .map((x) => x.c);
}

const norm = (t: string) => t.replace(/\{[^}]*\}/g, '{}');

describe(PathTemplater.name, () => {
  it.each([
    ['GitHub', GITHUB],
    ['Stripe', STRIPE],
    ['Twilio', TWILIO],
    ['Slack RPC', SLACK],
    ['Kubernetes', KUBERNETES],
    ['Kinto', KINTO],
  ])('should learn the %s path family exactly', (_name, family) => {
    const calls = traffic(family);
    const templater = new PathTemplater();
    for (const c of calls) templater.observe(c.method, c.path);
    templater.consolidate();
    const wrong = calls
      .map((c) => ({ ...c, got: templater.resolve(c.path).template }))
      .filter((c) => norm(c.got) !== norm(c.template))
      .map((c) => `${c.method} ${c.path} -> ${c.got} (want ${c.template})`);
    expect([...new Set(wrong)].slice(0, 10)).toEqual([]);
  });

  it('should name parameters from context', () => {
    const templater = new PathTemplater();
    for (const c of traffic(GITHUB)) templater.observe(c.method, c.path);
    templater.consolidate();
    expect(templater.resolve('/users/torvalds').template).toBe('/users/{username}');
    expect(templater.resolve('/repos/torvalds/linux/issues/7').template).toBe(
      '/repos/{owner}/{repo}/issues/{issueId}',
    );
    expect(templater.resolve('/orders/1001').template).toBe('/orders/{orderId}');
  });

  it('should re-attribute early calls once a parameter is learnt', () => {
    const templater = new PathTemplater();
    templater.observe('GET', '/users/torvalds');
    templater.consolidate();
    expect(templater.resolve('/users/torvalds').template).toBe('/users/torvalds');
    for (const login of LOGINS) templater.observe('GET', `/users/${login}`);
    templater.consolidate();
    expect(templater.resolve('/users/torvalds').template).toBe('/users/{username}');
    // an older, finer key resolves to the current template
    expect(templater.resolve('/users/{username}').template).toBe('/users/{username}');
  });

  it('should keep a lone date version literal and make dates a parameter once they vary', () => {
    const templater = new PathTemplater();
    for (const c of traffic(TWILIO)) templater.observe(c.method, c.path);
    for (let d = 1; d <= 5; d++) templater.observe('GET', `/schedule/2024-01-0${d}`);
    templater.consolidate();
    expect(templater.resolve('/2010-04-01/Accounts').template).toBe('/2010-04-01/Accounts');
    expect(templater.resolve('/schedule/2024-01-09').template).toBe('/schedule/{date}');
  });

  it('should bound its state under a flood of random paths', () => {
    const templater = new PathTemplater({ maxNodes: 2000 });
    for (let i = 0; i < 50_000; i++) {
      const word = (n: number) => (n * 2654435761).toString(36).replace(/[0-9]/g, 'x').slice(0, 8);
      templater.observe('GET', `/${word(i)}/${word(i + 7)}/${word(i * 3)}`);
    }
    templater.consolidate();
    expect(JSON.stringify(templater.toJSON()).length).toBeLessThan(2_000_000);
    expect(templater.toJSON().observed).toBe(50_000);
  });

  it('should round-trip its state through JSON and keep learning', () => {
    const templater = new PathTemplater();
    for (const c of traffic(GITHUB)) templater.observe(c.method, c.path);
    templater.consolidate();
    const copy = PathTemplater.fromJSON(JSON.parse(JSON.stringify(templater.toJSON())));
    for (const c of traffic(GITHUB))
      expect(copy.resolve(c.path).template).toBe(templater.resolve(c.path).template);
    copy.observe('GET', '/users/newcomer99/repos');
    expect(copy.resolve('/users/newcomer99/repos').template).toBe('/users/{username}/repos');
  });

  it('should treat hostile segments as data', () => {
    const templater = PathTemplater.fromJSON(
      JSON.parse('{"version":1,"observed":1,"root":{"h":1,"l":[["__proto__",{"h":1}]]}}'),
    );
    templater.observe('GET', '/__proto__/constructor');
    expect(templater.resolve('/__proto__/constructor').template).toBe('/__proto__/constructor');
    expect(PathTemplater.fromJSON(JSON.parse('{"version":1,"root":null}')).resolve('/a').template).toBe('/a');
  });

  describe('user corrections', () => {
    it('should pin a template: its parameter exists at once, named as given, past keys resolve to it', () => {
      const templater = new PathTemplater();
      templater.observe('GET', '/users/torvalds');
      templater.consolidate();
      expect(templater.correct('pin', '/users/{login}')).toBe(true);
      expect(templater.resolve('/users/torvalds').template).toBe('/users/{login}');
      templater.observe('GET', '/users/octocat');
      expect(templater.resolve('/users/octocat').template).toBe('/users/{login}');
    });

    it('should merge an under-merged template: word siblings become its values, pinned literals stay', () => {
      const templater = new PathTemplater();
      for (const plan of ['basic', 'premium', 'enterprise', 'starter'])
        templater.observe('GET', `/plans/${plan}`);
      templater.correct('pin', '/plans/compare');
      templater.consolidate();
      expect(templater.resolve('/plans/basic').template).toBe('/plans/basic');
      templater.correct('merge', '/plans/{plan}');
      expect(templater.resolve('/plans/basic').template).toBe('/plans/{plan}');
      expect(templater.resolve('/plans/compare').template).toBe('/plans/compare');
      templater.observe('GET', '/plans/family');
      expect(templater.resolve('/plans/family').template).toBe('/plans/{plan}');
    });

    it('should split an over-merged template: values stay literal from then on, even typed ones', () => {
      const templater = new PathTemplater();
      for (const v of ['rss2024', 'atom2025', 'ab12cd34']) templater.observe('GET', `/feeds/${v}`);
      templater.consolidate();
      expect(templater.resolve('/feeds/rss2024').template).toBe('/feeds/{feedId}');
      templater.correct('split', '/feeds/{feedId}');
      for (const v of ['rss2024', 'atom2025']) templater.observe('GET', `/feeds/${v}`);
      templater.consolidate();
      expect(templater.resolve('/feeds/rss2024').template).toBe('/feeds/rss2024');
      expect(templater.resolve('/feeds/atom2025').template).toBe('/feeds/atom2025');
    });

    it('should keep corrections through a JSON round trip and refuse what is not a template', () => {
      const templater = new PathTemplater();
      templater.correct('pin', '/orgs/{org}/members');
      const copy = PathTemplater.fromJSON(JSON.parse(JSON.stringify(templater.toJSON())));
      expect(copy.resolve('/orgs/github/members').template).toBe('/orgs/{org}/members');
      expect(copy.correct('pin', 'not-a-path')).toBe(false);
    });
  });
});
