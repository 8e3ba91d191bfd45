import { spawn } from 'node:child_process';
import { createServer, request, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';

import { type ApiCall, validateApiCall } from '@apiscope/contracts';

import { canCapture } from '../support/capture';
import { CLI_BIN, REPO_ROOT } from '../support/corpus';

const get = (port: number, path: string) =>
  new Promise<void>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { 'x-api-key': 'k-123' } }, (res) => {
      res.resume();
      res.on('end', () => resolve());
    });
    req.on('error', reject);
    req.end();
  });

(canCapture() ? describe : describe.skip)('apiscope sensor pcap --interface (live, through tcpdump)', () => {
  let server: Server;
  let port: number;

  beforeAll(async () => {
    server = createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ path: req.url }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  // lo gives Ethernet frames; `any` gives Linux cooked v2 (SLL2), what `tcpdump -i any` writes
  it.each(['lo', 'any'])('should emit the exchanges seen on %s and stop cleanly on SIGINT', async (iface) => {
    const child = spawn(
      process.execPath,
      [
        CLI_BIN,
        'sensor',
        'pcap',
        '--interface',
        iface,
        '--bpf',
        `tcp port ${port}`,
        '--sink',
        'stdout',
        '--workers',
        '1',
      ],
      { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    const listening = new Promise<void>((resolve) =>
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        if (stderr.includes('listening on')) resolve();
      }),
    );
    await listening;
    for (const path of ['/orders/1', '/orders/2', '/users/7?full=1']) await get(port, path);
    // events come out as exchanges complete, not at the end
    for (let i = 0; i < 50 && stdout.split('\n').length < 4; i++)
      await new Promise((r) => setTimeout(r, 100));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    const calls = stdout
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as ApiCall);
    expect(calls.map((c) => `${c.request.method} ${c.request.target} ${c.response?.status}`)).toEqual([
      'GET /orders/1 200',
      'GET /orders/2 200',
      'GET /users/7?full=1 200',
    ]);
    expect(calls.every((c) => validateApiCall(c).ok && c.dst?.port === port)).toBe(true);
    expect(stderr).toMatch(/apiscope sensor pcap: 3 exchanges/);
  });
});
