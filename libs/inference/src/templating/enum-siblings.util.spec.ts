import { PathTemplater } from './path-templater.util';
import { segmentKind } from './segment-kind.util';

/**
 * Few-valued enums of words (SendGrid `/v3/clients/{client_type}/stats`, corpus sendgrid.com__3.0.json)
 * become parameters from their shape; collections, API groups and resources that look alike do not
 * (SendGrid `/v3/browsers/stats`, Kubernetes `/apis/apps/v1/...`, REST `/api/users/{id}`).
 */
const learn = (paths: string[]) => {
  const templater = new PathTemplater();
  for (const path of paths) templater.observe('GET', path);
  templater.consolidate();
  return templater;
};
const ids = ['1042', '2291', '3817', '4410', '5123', '6780'];

describe('enum siblings', () => {
  it.each([
    [
      'SendGrid client types, beside the aggregate',
      [
        '/v3/clients/stats',
        '/v3/clients/phone/stats',
        '/v3/clients/tablet/stats',
        '/v3/clients/webmail/stats',
      ],
      '/v3/clients/desktop/stats',
      '/v3/clients/{client}/stats',
    ],
    [
      'report periods',
      ['/api/reports/daily/summary', '/api/reports/weekly/summary', '/api/reports/monthly/summary'],
      '/api/reports/weekly/summary',
      '/api/reports/{report}/summary',
    ],
    [
      'SendGrid collections that each have stats (plural: collections)',
      ['/v3/browsers/stats', '/v3/devices/stats', '/v3/subusers/stats', '/v3/mailbox_providers/stats'],
      '/v3/devices/stats',
      '/v3/devices/stats',
    ],
    [
      'Kubernetes API groups (what follows differs below)',
      ['/apis/apps/v1/deployments', '/apis/batch/v1/jobs', '/apis/policy/v1/poddisruptionbudgets'],
      '/apis/batch/v1/jobs',
      '/apis/batch/v1/jobs',
    ],
    [
      'resources followed by their ids',
      ids.flatMap((id) => [`/api/user/${id}`, `/api/group/${id}`, `/api/team/${id}`]),
      '/api/team/1042',
      '/api/team/{teamId}',
    ],
    [
      'an operation beside an enum of words continues otherwise',
      [
        '/v3/clients/phone/stats',
        '/v3/clients/tablet/stats',
        '/v3/clients/webmail/stats',
        '/v3/clients/export/csv',
      ],
      '/v3/clients/export/csv',
      '/v3/clients/export/csv',
    ],
  ])('%s: %j -> %s is %s', (_name, paths, path, template) => {
    const templater = learn([...paths, path]);
    expect(templater.resolve(path, 'GET').template).toBe(template);
  });
});

describe('dotted names', () => {
  it.each([
    ['node.js', false],
    ['socket.io', false],
    ['example.com', false],
    ['chat.postMessage', true],
    ['users.info', true],
    ['pins.add', true],
    ['reactions.get', true],
  ])('should tell whether %s is an RPC method name (%s)', (segment, rpc) => {
    expect(segmentKind(segment) === 'rpc').toBe(rpc);
  });

  it('should take a tag named like a package (`node.js`) as one more value of StackExchange `{tags}`', () => {
    const tags = ['javascript', 'python', 'rust', 'kotlin', 'swift', 'django', 'typescript', 'node.js'];
    const templater = learn(tags.flatMap((t) => [`/2.0/tags/${t}/faq`, `/2.0/tags/${t}/related`]));
    expect(templater.resolve('/2.0/tags/node.js/faq', 'GET').template).toBe('/2.0/tags/{tag}/faq');
  });
});
