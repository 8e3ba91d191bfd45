import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { parseSpecText } from './parse-spec-text.util';
import { SpecImportException } from './spec-import.exception';

const SPECS = join(
  process.env['APISCOPE_CORPUS'] ?? resolve(__dirname, '..', '..', '..', '..', '..', 'shared', 'corpus'),
  'specs',
);

interface SpecFacts {
  file: string;
  basePath: string;
  operations: number;
  deprecated_ops: number;
  ops_security_empty: number;
  title: string;
}

const facts: SpecFacts[] = readFileSync(join(SPECS, 'SPECS.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as SpecFacts);

describe(parseSpecText.name, () => {
  it.each(facts.map((f) => [f.file, f] as const))(
    'should import the real spec %s with every operation, its base path and deprecations',
    async (file, f) => {
      const spec = await parseSpecText(readFileSync(join(SPECS, file), 'utf8'));
      expect(spec.title).toBe(f.title);
      expect(spec.openapiVersion).toBe('2.0');
      expect(spec.operations).toHaveLength(f.operations);
      expect(spec.operations.filter((o) => o.deprecated)).toHaveLength(f.deprecated_ops);
      expect(spec.operations.filter((o) => o.security === 'public')).toHaveLength(f.ops_security_empty);
      const base = f.basePath === '/' ? '' : f.basePath.replace(/\/$/, '');
      for (const op of spec.operations) expect(op.path.startsWith(`${base}/`) || op.path === base).toBe(true);
    },
  );

  it('should apply the base path and keep path-level parameters (Slack, Spotify)', async () => {
    const slack = await parseSpecText(readFileSync(join(SPECS, 'slack.com__1.0.0.json'), 'utf8'));
    expect(slack.operations.map((o) => `${o.method} ${o.path}`)).toContain('GET /api/auth.test');
    const spotify = await parseSpecText(readFileSync(join(SPECS, 'spotify.com__v1.json'), 'utf8'));
    const album = spotify.operations.find((o) => o.method === 'GET' && o.path === '/v1/albums/{id}');
    expect(album?.parameters.find((p) => p.name === 'id')).toMatchObject({ in: 'path', required: true });
  });

  it('should read OpenAPI 3.1 YAML with servers, security [] and $refs', async () => {
    const yaml = `
openapi: 3.1.0
info: { title: Shop, version: '1' }
servers: [{ url: 'https://shop.example/api/' }]
security: [{ key: [] }]
components:
  securitySchemes: { key: { type: apiKey, in: header, name: X-Key } }
  schemas:
    User: { type: object, properties: { id: { type: integer }, email: { type: string, format: email } } }
paths:
  /users/{id}:
    parameters: [{ name: id, in: path, required: true, schema: { type: integer } }]
    get:
      responses: { '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/User' } } } } }
    delete: { deprecated: true, responses: { '204': { description: gone } } }
  /health:
    get: { security: [], responses: { '200': { description: ok } } }
`;
    const spec = await parseSpecText(yaml);
    expect(spec.basePath).toBe('/api');
    expect(spec.operations.map((o) => [o.method, o.path, o.security, o.deprecated])).toEqual([
      ['GET', '/api/health', 'public', false],
      ['DELETE', '/api/users/{id}', 'required', true],
      ['GET', '/api/users/{id}', 'required', false],
    ]);
    const get = spec.operations.find((o) => o.method === 'GET' && o.path === '/api/users/{id}');
    expect(get?.responses['200']).toMatchObject({
      type: 'object',
      properties: { email: { format: 'email' } },
    });
  });

  it('should not follow an external reference (no file is read, no URL fetched)', async () => {
    const text = JSON.stringify({
      openapi: '3.0.0',
      info: { title: 'x', version: '1' },
      paths: {
        '/a': {
          get: {
            responses: {
              '200': {
                description: 'ok',
                content: { 'application/json': { schema: { $ref: 'file:///etc/passwd' } } },
              },
            },
          },
        },
      },
    });
    const spec = await parseSpecText(text);
    expect(JSON.stringify(spec)).not.toMatch(/root:/);
    expect(spec.operations[0].responses['200']).toEqual({ $ref: 'file:///etc/passwd' });
  });

  it.each([
    ['not JSON or YAML', '{"openapi": ', /not JSON or YAML/],
    ['not OpenAPI', '{"hello": "world"}', /not an OpenAPI document/],
    ['invalid OpenAPI', '{"swagger": "2.0", "info": {"title": "x"}}', /invalid OpenAPI document/],
    [
      'a YAML alias bomb',
      `openapi: 3.0.0\na: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n`,
      /not JSON or YAML|invalid OpenAPI/,
    ],
  ])('should refuse %s with the reason', async (_name, text, reason) => {
    const attempt = parseSpecText(text);
    await expect(attempt).rejects.toBeInstanceOf(SpecImportException);
    await expect(attempt).rejects.toThrow(reason);
  });
});
