// Writes apps/cli/demo/demo-shop.har: a deterministic HAR 1.2 capture of a small shop API, the
// demo that `apiscope up --demo` ingests. Re-run after changing it: node tools/make-demo-har.mjs
import { writeFileSync } from 'node:fs';

let seed = 20261120;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const pick = (a) => a[Math.floor(rand() * a.length)];
const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
const hex = (n) => Array.from({ length: n }, () => '0123456789abcdef'[int(0, 15)]).join('');
const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
const b64url = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
const jwt = (sub) =>
  `${b64url({ alg: 'RS256', typ: 'JWT', kid: 'k1' })}.${b64url({ iss: 'https://auth.shop.example', aud: 'shop-api', sub: String(sub), exp: 1795000000 })}.${hex(43)}`;
const names = [
  'Ada Lovelace',
  'Grace Hopper',
  'Linus Torvalds',
  'Margaret Hamilton',
  'Ken Thompson',
  'Barbara Liskov',
];
const email = (n) => `${n.split(' ')[0].toLowerCase()}@mail.example`;

const start = Date.UTC(2026, 10, 20, 9, 0, 0);
const entries = [];
let clock = start;

function entry({
  host,
  method,
  path,
  query = [],
  auth = 'bearer',
  user = 7,
  status = 200,
  resBody,
  reqBody,
}) {
  clock += int(200, 4000);
  const headers = [
    { name: 'Host', value: host },
    { name: 'User-Agent', value: pick(['shop-web/4.2.0', 'shop-ios/3.9.1 CFNetwork', 'okhttp/4.12.0']) },
    { name: 'Accept', value: 'application/json' },
  ];
  if (auth === 'bearer') headers.push({ name: 'Authorization', value: `Bearer ${jwt(user)}` });
  if (auth === 'apikey') headers.push({ name: 'X-API-Key', value: `pk_live_${hex(24)}` });
  const qs = query.length
    ? `?${query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')}`
    : '';
  const text = resBody === undefined ? '' : JSON.stringify(resBody);
  const request = {
    method,
    url: `https://${host}${path}${qs}`,
    httpVersion: 'HTTP/1.1',
    cookies: [],
    headers,
    queryString: query.map(([name, value]) => ({ name, value })),
    headersSize: -1,
    bodySize: 0,
  };
  if (reqBody !== undefined) {
    const body = JSON.stringify(reqBody);
    request.postData = { mimeType: 'application/json', text: body };
    request.bodySize = Buffer.byteLength(body);
    headers.push({ name: 'Content-Type', value: 'application/json' });
  }
  entries.push({
    startedDateTime: new Date(clock).toISOString(),
    time: int(3, 180) + rand(),
    request,
    response: {
      status,
      statusText: '',
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: [
        { name: 'Content-Type', value: 'application/json' },
        { name: 'Content-Length', value: String(Buffer.byteLength(text)) },
      ],
      content: { size: Buffer.byteLength(text), mimeType: 'application/json', text },
      redirectURL: '',
      headersSize: -1,
      bodySize: Buffer.byteLength(text),
    },
    cache: {},
    timings: { send: 0, wait: 10, receive: 1 },
    serverIPAddress: '127.0.0.1',
  });
}

const api = 'api.shop.example';
const products = Array.from({ length: 40 }, (_, i) => 1000 + i * 7);
const orders = Array.from({ length: 25 }, () => uuid());
for (let i = 0; i < 420; i++) {
  const user = int(1, 300);
  const roll = rand();
  if (roll < 0.05)
    entry({
      host: 'auth.shop.example',
      method: 'POST',
      path: '/oauth/token',
      auth: 'none',
      reqBody: {
        grant_type: 'password',
        username: email(pick(names)),
        password: 'correct horse battery staple',
      },
      resBody: { access_token: jwt(user), token_type: 'Bearer', expires_in: 3600 },
    });
  else if (roll < 0.2)
    entry({
      host: api,
      method: 'GET',
      path: '/v1/products',
      auth: 'none',
      query: [
        ['page', String(int(1, 9))],
        ['category', pick(['books', 'garden', 'toys'])],
      ],
      resBody: { items: [{ id: pick(products), name: 'Widget', price: 9.99 }], next: null },
    });
  else if (roll < 0.32)
    entry({
      host: api,
      method: 'GET',
      path: `/v1/products/${pick(products)}`,
      auth: 'none',
      resBody: { id: 1, name: 'Widget', price: 9.99, stock: int(0, 50) },
    });
  else if (roll < 0.36)
    entry({
      host: api,
      method: 'GET',
      path: `/v2/products/${pick(products)}`,
      auth: 'none',
      resBody: { id: 1, title: 'Widget', price: { amount: 999, currency: 'EUR' } },
    });
  else if (roll < 0.46)
    entry({
      host: api,
      method: 'GET',
      path: '/v1/users/me',
      user,
      resBody: { id: user, name: pick(names), email: email(pick(names)) },
    });
  else if (roll < 0.52)
    entry({
      host: api,
      method: 'GET',
      path: `/v1/users/${user}`,
      user,
      resBody: { id: user, name: pick(names), email: email(pick(names)), phone: '+44 20 7946 0958' },
    });
  else if (roll < 0.55)
    entry({
      host: api,
      method: 'GET',
      path: `/v1/users/${user}`,
      auth: 'none',
      status: 401,
      resBody: { error: 'unauthorized' },
    });
  else if (roll < 0.66)
    entry({
      host: api,
      method: 'GET',
      path: '/v1/orders',
      user,
      query: [['status', pick(['open', 'shipped', 'returned'])]],
      resBody: { items: [{ id: pick(orders), total: 42.5 }] },
    });
  else if (roll < 0.74)
    entry({
      host: api,
      method: 'GET',
      path: `/v1/orders/${pick(orders)}`,
      user,
      resBody: { id: pick(orders), total: 42.5, card: { brand: 'visa', last4: '4242' } },
    });
  else if (roll < 0.8)
    entry({
      host: api,
      method: 'POST',
      path: '/v1/orders',
      user,
      status: 201,
      reqBody: { items: [{ productId: pick(products), quantity: int(1, 3) }], card: '4111111111111111' },
      resBody: { id: pick(orders), status: 'open' },
    });
  else if (roll < 0.83)
    entry({ host: api, method: 'DELETE', path: `/v1/orders/${pick(orders)}`, user, status: 204 });
  else if (roll < 0.89)
    entry({ host: api, method: 'GET', path: `/v1/carts/${uuid()}/items`, user, resBody: { items: [] } });
  else if (roll < 0.93)
    entry({
      host: api,
      method: 'GET',
      path: `/internal/admin/users/${int(1, 300)}`,
      auth: 'none',
      resBody: {
        id: 5,
        email: email(pick(names)),
        password_hash: '$2b$12$' + hex(53),
        mfa_secret: 'JBSWY3DPEHPK3PXP',
      },
    });
  else if (roll < 0.97)
    entry({
      host: 'partners.shop.example',
      method: 'GET',
      path: `/v1/stock/${pick(products)}`,
      auth: 'apikey',
      resBody: { productId: 1, stock: int(0, 500) },
    });
  else entry({ host: api, method: 'GET', path: '/healthz', auth: 'none', resBody: { status: 'ok' } });
}

const har = {
  log: { version: '1.2', creator: { name: 'apiscope demo generator', version: '1' }, pages: [], entries },
};
writeFileSync(
  new URL('../apps/cli/demo/demo-shop.har', import.meta.url),
  `${JSON.stringify(har, null, 1)}\n`,
);
console.log(`wrote ${entries.length} entries`);
