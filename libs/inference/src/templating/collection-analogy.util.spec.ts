import { PathTemplater } from './path-templater.util';
import { segmentKind } from './segment-kind.util';

/**
 * Names seen once or twice under a collection become values when the collections beside it take
 * parameters (Kubernetes core API shapes: `/api/v1/namespaces/{namespace}/pods/{name}`); operations
 * named by words stay literal (GitHub `/repos/{owner}/{repo}/stats/contributors`, SendGrid
 * `/v3/partner_settings/new_relic`).
 */
const NAMESPACES = [
  'kube-system',
  'ingress-nginx',
  'cert-manager',
  'argocd',
  'fluxcd',
  'istio-system',
  'payments-prod',
  'checkout-staging',
  'tekton-pipelines',
  'knative-serving',
];
const REPOS = ['linux', 'hello-world', 'react', 'vue', 'rails', 'nomad'];
const NAMES = ['coredns', 'kube-proxy', 'metrics-server', 'grafana', 'prometheus', 'loki', 'tempo', 'vault'];

function learn(extra: string[]): PathTemplater {
  const templater = new PathTemplater();
  for (const [i, ns] of NAMESPACES.entries())
    for (const [c, collection] of ['pods', 'services', 'configmaps', 'secrets'].entries())
      for (let j = 0; j < 3; j++) {
        // pods carry their replica set's hash (`coredns-7d9f8b6c5-x2x4z`), the rest their app's name
        const app = NAMES[(i * 3 + j + c) % NAMES.length];
        const name =
          collection === 'pods' ? `${app}-7d9f8b${i}c${j}-x2x4z` : `${app}-${collection.slice(0, 3)}${i}`;
        templater.observe('GET', `/api/v1/namespaces/${ns}/${collection}/${name}`);
      }
  for (const [i, login] of [
    'torvalds',
    'octocat',
    'gaearon',
    'defunkt',
    'mojombo',
    'sindresorhus',
    'kentcdodds',
  ].entries())
    for (const collection of ['issues', 'pulls', 'branches', 'hooks'])
      for (const repo of REPOS) templater.observe('GET', `/repos/${login}/${repo}/${collection}/${100 + i}`);
  for (const path of extra) templater.observe('GET', path);
  templater.consolidate();
  return templater;
}

describe('collections by analogy', () => {
  it.each([
    [
      'a name seen once under a collection beside pods and services',
      '/api/v1/namespaces/kube-system/endpoints/coredns',
      '/api/v1/namespaces/{namespace}/endpoints/{endpoint}',
    ],
    [
      'two rare names run together',
      '/api/v1/namespaces/argocd/statefulsets/vaultdb',
      '/api/v1/namespaces/{namespace}/statefulsets/{statefulset}',
    ],
    [
      'an operation named by a word',
      '/repos/torvalds/linux/stats/contributors',
      '/repos/{owner}/{repo}/stats/contributors',
    ],
    [
      'an operation named by words joined',
      '/repos/torvalds/linux/stats/commit_activity',
      '/repos/{owner}/{repo}/stats/commit_activity',
    ],
    [
      'a collection that is not plural',
      '/api/v1/namespaces/kube-system/tree/coredns',
      '/api/v1/namespaces/{namespace}/tree/coredns',
    ],
  ])('%s: %s is %s', (_name, path, template) => {
    expect(learn([path]).resolve(path, 'GET').template).toBe(template);
  });

  it('should leave a collection alone when its siblings take no parameters', () => {
    const templater = new PathTemplater();
    for (const path of ['/v3/mail/send', '/v3/scopes/requests', '/v3/partner_settings/new_relic'])
      templater.observe('GET', path);
    templater.consolidate();
    expect(templater.resolve('/v3/partner_settings/new_relic', 'GET').template).toBe(
      '/v3/partner_settings/new_relic',
    );
  });

  it.each([
    ['participation', 'word'],
    ['completions', 'word'],
    ['persistentvolumes', 'compound'],
  ])('should read %s as %s (nouns of action, API vocabulary)', (segment, kind) => {
    expect(segmentKind(segment)).toBe(kind);
  });
});
