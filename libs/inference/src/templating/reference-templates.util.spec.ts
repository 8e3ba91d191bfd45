import { PathTemplater } from './path-templater.util';
import { ReferenceTemplates } from './reference-templates.util';

/** Templates from real specs: Twilio 2010-04-01, GitHub, NYTimes Books (corpus), Mozilla Kinto (corpus). */
const TEMPLATES = [
  '/2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json',
  '/2010-04-01/Accounts/{AccountSid}/Messages.json',
  '/users/{username}',
  '/users/{username}/repos',
  '/users/me',
  '/svc/books/v3/lists/overview.{format}',
  '/svc/books/v3/lists/{date}/{list}.json',
  '/v1/{prefix}/{api_ver:\\d+}/{application_guid}',
];

describe(ReferenceTemplates.name, () => {
  const reference = new ReferenceTemplates(TEMPLATES);

  it.each([
    ['/2010-04-01/Accounts/AC0123/Messages/SM9f8e.json', TEMPLATES[0]],
    ['/2010-04-01/Accounts/AC0123/Messages.json', TEMPLATES[1]],
    ['/users/torvalds', '/users/{username}'],
    ['/users/me', '/users/me'],
    ['/users/me/repos', '/users/{username}/repos'],
    ['/svc/books/v3/lists/overview.json', TEMPLATES[5]],
    ['/svc/books/v3/lists/2015-08-08/hardcover-fiction.json', TEMPLATES[6]],
    ['/v1/monitor/2/ec8030f7-c20a-464f-9b0e-13a3a9e97384', TEMPLATES[7]],
    ['/v1/monitor/two/ec8030f7', undefined],
    ['/users/torvalds/followers', undefined],
    ['/users/{userId}', '/users/{username}'],
  ])('should match %s to %s, literals before parameters', (path, template) => {
    expect(reference.match(path)).toBe(template);
  });

  it.each([
    ['GET', '/1/cards/{idCard}/{field}'],
    ['PUT', '/1/cards/{idCard}/closed'],
    ['DELETE', '/1/cards/{idCard}/closed'],
  ])(
    'should prefer a template documented for the method: %s /1/cards/5a1b/closed is %s',
    (method, template) => {
      const trello = new ReferenceTemplates([
        'PUT /1/cards/{idCard}/closed',
        'GET /1/cards/{idCard}/{field}',
      ]);
      expect(trello.match('/1/cards/5a1b/closed', method)).toBe(template);
    },
  );

  it('should keep a bounded number of valid templates and refuse what is not one', () => {
    const many = Array.from({ length: 5000 }, (_, i) => `/r${i}/{id}`);
    expect(new ReferenceTemplates([...many, 'users', 42, '/x'.repeat(600)]).size).toBe(4096);
  });

  it('should give the parameters of a documented template with their values', () => {
    expect(
      ReferenceTemplates.parameters(TEMPLATES[0], '/2010-04-01/Accounts/AC01/Messages/SM02.json'),
    ).toEqual([
      { name: 'AccountSid', value: 'AC01', kinds: ['idlike'] },
      { name: 'Sid', value: 'SM02.json', kinds: ['idlike'] },
    ]);
  });
});

describe(`${PathTemplater.name} with a reference spec`, () => {
  const learn = (paths: string[]) => {
    const templater = new PathTemplater();
    for (const path of paths) templater.observe('GET', path);
    templater.consolidate();
    return templater;
  };
  const logins = ['torvalds', 'octocat', 'gaearon', 'sindresorhus', 'defunkt', 'mojombo', 'kentcdodds'];

  it.each([
    // the spec merges what traffic alone keeps apart: two periods of a report
    [
      ['/reports/daily/summary', '/reports/weekly/summary'],
      ['/reports/{period}/summary'],
      '/reports/{period}/summary',
    ],
    // the spec splits what traffic alone merged: a documented literal among values
    [
      logins.map((l) => `/users/${l}`).concat('/users/ghost'),
      ['/users/{login}', '/users/ghost'],
      '/users/ghost',
    ],
  ])('should resolve %j with spec %j to %s', (paths, templates, expected) => {
    const templater = learn(paths);
    templater.useReference(templates);
    expect(templater.resolve(paths[paths.length - 1], 'GET').template).toBe(expected);
  });

  it('should keep an undocumented literal the learner kept apart beside a documented parameter', () => {
    const templater = learn([...logins.map((l) => `/users/${l}/repos`), '/users/search', '/users/search']);
    templater.useReference(['/users/{login}', '/users/{login}/repos']);
    expect(templater.resolve('/users/torvalds', 'GET').template).toBe('/users/{login}');
    expect(templater.resolve('/users/search', 'GET').template).toBe('/users/search');
  });

  it('should keep the spec templates through a JSON round trip, and forget them when given none', () => {
    const templater = learn(['/reports/daily/summary', '/reports/weekly/summary']);
    templater.useReference(['/reports/{period}/summary']);
    const restored = PathTemplater.fromJSON(JSON.parse(JSON.stringify(templater.toJSON())));
    expect(restored.resolve('/reports/monthly/summary').template).toBe('/reports/{period}/summary');
    restored.useReference([]);
    expect(restored.resolve('/reports/monthly/summary').template).toBe('/reports/monthly/summary');
  });
});
