import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';

import request from 'supertest';

import { ChangeTrackerService } from '@apiscope/api';

import { apiCall } from '../support/api-call.fixture';
import { useEmbeddedServer } from '../support/embedded-server.fixture';

const KEY = 'changes-admin-key-0123456789';
const SECRET = 'webhook-secret';
const auth = { Authorization: `Bearer ${KEY}` };

describe('change feed and webhook', () => {
  let receiver: Server;
  const received: Array<{ body: string; signature: string | undefined }> = [];

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (d: Buffer) => (body += d.toString()));
      req.on('end', () => {
        received.push({ body, signature: req.headers['x-apiscope-signature'] as string | undefined });
        res.end('ok');
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  });

  // between the receiver's hooks (Jest runs both kinds in declaration order): started once it
  // listens, closed before it stops
  const server = useEmbeddedServer('changes', () => ({
    apiKey: KEY,
    api: {
      changeIntervalMs: 0,
      webhookUrl: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`,
      webhookSecret: SECRET,
    },
  }));

  afterAll(async () => {
    await new Promise<void>((r) => receiver.close(() => r()));
  });

  it('should append new services, endpoints and flags once, and push them signed to the webhook', async () => {
    const since = new Date(Date.now() - 1000).toISOString();
    await request(server.url)
      .post('/api/v1/ingest')
      .set(auth)
      .send({ calls: [apiCall({ path: '/users/1', target: '/users/1' })] })
      .expect(200);
    const tracker = server.app.get(ChangeTrackerService);
    await tracker.lookNow();
    await tracker.lookNow(); // nothing new the second time
    const feed = await request(server.url).get('/api/v1/changes').query({ since }).set(auth).expect(200);
    expect(
      feed.body.items.map((c: { kind: string; path: string; subject: string }) => [
        c.kind,
        c.path,
        c.subject,
      ]),
    ).toEqual([
      ['new_endpoint', '/users/{userId}', ''],
      ['new_flag', '/users/{userId}', 'unauthenticated'],
      ['new_service', '', ''],
    ]);
    expect(received).toHaveLength(1);
    const expected = `sha256=${createHmac('sha256', SECRET).update(received[0].body).digest('hex')}`;
    expect(received[0].signature).toBe(expected);
    expect(JSON.parse(received[0].body).changes).toHaveLength(3);
  });

  it('should page the feed with a cursor and refuse a bad since', async () => {
    const first = await request(server.url)
      .get('/api/v1/changes')
      .query({ since: '2000-01-01T00:00:00Z', limit: 2 })
      .set(auth)
      .expect(200);
    expect(first.body.items).toHaveLength(2);
    const rest = await request(server.url)
      .get('/api/v1/changes')
      .query({ since: '2000-01-01T00:00:00Z', limit: 2, cursor: first.body.nextCursor })
      .set(auth)
      .expect(200);
    expect(rest.body.items).toHaveLength(1);
    expect(rest.body.nextCursor).toBeNull();
    await request(server.url).get('/api/v1/changes').query({ since: 'yesterday' }).set(auth).expect(400);
  });

  it('should narrow the feed by service, kind and endpoint id in the query, and refuse bad filters', async () => {
    const since = '2000-01-01T00:00:00Z';
    const kinds = async (query: Record<string, string>): Promise<string[]> => {
      const page = await request(server.url)
        .get('/api/v1/changes')
        .query({ since, ...query })
        .set(auth)
        .expect(200);
      return (page.body as { items: Array<{ kind: string; path: string }> }).items.map(
        (c) => `${c.kind} ${c.path}`,
      );
    };
    await request(server.url)
      .post('/api/v1/ingest')
      .set(auth)
      .send({ calls: [apiCall({ method: 'POST', path: '/orders', target: '/orders' })] })
      .expect(200);
    await server.app.get(ChangeTrackerService).lookNow();
    const endpoints = await request(server.url).get('/api/v1/endpoints').set(auth).expect(200);
    const users = endpoints.body.items.find((e: { path: string }) => e.path === '/users/{userId}');
    const service: string = users.service;

    expect(await kinds({ endpointId: users.id })).toEqual([
      'new_endpoint /users/{userId}',
      'new_flag /users/{userId}',
      'new_service ',
    ]);
    expect(await kinds({ service, kind: 'new_endpoint' })).toEqual([
      'new_endpoint /users/{userId}',
      'new_endpoint /orders',
    ]);
    expect(await kinds({ service: 'not-this-service' })).toEqual([]);
    expect(await kinds({ service: 'not-this-service', endpointId: users.id })).toEqual([]);
    for (const bad of [{ endpointId: 'bm90IGFuIGlk' }, { endpointId: 'a b' }, { kind: 'new_thing' }])
      await request(server.url)
        .get('/api/v1/changes')
        .query({ since, ...bad })
        .set(auth)
        .expect(400);
  });
});
