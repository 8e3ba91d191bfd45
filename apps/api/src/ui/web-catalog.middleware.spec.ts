import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { HttpException } from '@nestjs/common';
import express, { type NextFunction, type Request, type Response } from 'express';
import request from 'supertest';

import { webCatalog } from './web-catalog.middleware';

/** The middleware in a bare express app: whatever it passes on answers 404 "next", errors their status. */
function appFor(dir: string): express.Express {
  const app = express();
  app.use(webCatalog(dir));
  app.use((_req: Request, res: Response) => res.status(404).send('next'));
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    res
      .status(error instanceof HttpException ? error.getStatus() : 500)
      .send(String((error as Error).message));
  });
  return app;
}

describe(webCatalog.name, () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'apiscope-ui-mw-'));
    mkdirSync(join(dir, 'built', 'assets'), { recursive: true });
    writeFileSync(join(dir, 'built', 'index.html'), '<!doctype html>app');
    writeFileSync(join(dir, 'built', 'assets', 'a-1.js'), 'js');
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('should tell a missing build apart from a missing page', async () => {
    const res = await request(appFor(join(dir, 'nothing')))
      .get('/')
      .set('Accept', 'text/html')
      .expect(404);
    expect(res.text).toMatch(/web catalog is not built: run `npm run build:ui`/);
    await request(appFor(join(dir, 'nothing')))
      .get('/api/v1/services')
      .expect(404, 'next');
  });

  it.each([
    ['GET', '/', 200, '<!doctype html>app'],
    ['GET', '/deep/link?x=1', 200, '<!doctype html>app'],
    ['HEAD', '/', 200, ''],
    ['GET', '/assets/a-1.js', 200, 'js'],
    ['GET', '/assets/a-0.js', 404, 'next'],
    ['GET', '/api', 404, 'next'],
    ['GET', '/api/docs', 404, 'next'],
    ['GET', '/healthz', 404, 'next'],
    ['POST', '/', 404, 'next'],
    ['DELETE', '/deep/link', 404, 'next'],
  ])('should answer %s %s with %i', async (method, path, status, body) => {
    const agent = request(appFor(join(dir, 'built')));
    const res = await (
      method === 'GET'
        ? agent.get(path)
        : method === 'HEAD'
          ? agent.head(path)
          : method === 'POST'
            ? agent.post(path)
            : agent.delete(path)
    )
      .set('Accept', 'text/html')
      .expect(status);
    expect(res.text ?? '').toBe(body);
  });

  it('should pick up a rebuild at the next page load, without a restart', async () => {
    const build = join(dir, 'rebuilt');
    const app = appFor(build);
    await request(app).get('/').set('Accept', 'text/html').expect(404);
    mkdirSync(join(build, 'assets'), { recursive: true });
    writeFileSync(join(build, 'assets', 'b-1.js'), 'first');
    writeFileSync(join(build, 'index.html'), 'v1');
    await request(app).get('/').set('Accept', 'text/html').expect(200, 'v1');
    await request(app).get('/assets/b-1.js').expect(200, 'first');
    // a new build: new hashed names, a new index.html (a later mtime)
    rmSync(join(build, 'assets', 'b-1.js'));
    writeFileSync(join(build, 'assets', 'b-2.js'), 'second');
    writeFileSync(join(build, 'index.html'), 'v2');
    utimesSync(join(build, 'index.html'), new Date(), new Date(Date.now() + 5000));
    await request(app).get('/assets/b-2.js').expect(200, 'second');
    await request(app).get('/').set('Accept', 'text/html').expect(200, 'v2');
    await request(app).get('/assets/b-1.js').expect(404);
  });
});
