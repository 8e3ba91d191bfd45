import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { HttpCaptureParser } from '@apiscope/capture';
import { validateApiCall } from '@apiscope/contracts';
import { HarFormatException, LOG_FORMATS, type LineLogFormat, parseHar, parseLogText } from '@apiscope/logs';
import { SpecImportException, parseSpecText } from '@apiscope/inventory';

import { CORPUS_DIR } from '../support/corpus';

/**
 * What each fuzz target must hold on any input: no exception escapes (a bad input is a counted
 * skip or a clear domain error), memory is released, and every event produced is contract-valid.
 * Shared by the property tests and the replay of test/fixtures/not-ok/, so a fixed crash stays fixed.
 */
export const FUZZ_TARGETS = {
  capture(input: Buffer, chunk = 4096): void {
    const invalid: string[] = [];
    const parser = new HttpCaptureParser({
      sensorId: 'fuzz',
      maxFlows: 256,
      memoryLimitBytes: 16 * 1024 * 1024,
      onCall: (call) => {
        const verdict = validateApiCall(call);
        if (!verdict.ok) invalid.push(JSON.stringify(verdict.issues));
      },
    });
    for (let i = 0; i < input.length; i += chunk) parser.push(input.subarray(i, i + chunk));
    const stats = parser.finish();
    if (stats.memoryUsed !== 0) throw new Error(`capture kept ${stats.memoryUsed} bytes after finish`);
    if (invalid.length > 0) throw new Error(`capture emitted contract-invalid events: ${invalid[0]}`);
  },

  log(format: LineLogFormat, input: Buffer): void {
    const result = parseLogText(format, input.toString('utf8'), { sensorId: 'fuzz', source: 'fuzz' });
    for (const { call } of result.records) {
      const verdict = validateApiCall(call);
      if (!verdict.ok)
        throw new Error(`${format} emitted a contract-invalid event: ${JSON.stringify(verdict.issues)}`);
    }
  },

  har(input: Buffer): void {
    let calls;
    try {
      calls = parseHar(input.toString('utf8'), { sensorId: 'fuzz' }).calls;
    } catch (error) {
      // a document that is not HAR is refused as a whole, with a domain error
      if (error instanceof HarFormatException) return;
      throw error;
    }
    for (const call of calls)
      if (!validateApiCall(call).ok) throw new Error('har emitted a contract-invalid event');
  },

  contract(input: unknown): void {
    const verdict = validateApiCall(input);
    // what the validator accepts it accepts again unchanged (it is what the pipeline stores)
    if (verdict.ok && !validateApiCall(JSON.parse(JSON.stringify(verdict.call))).ok)
      throw new Error('validator accepted an event it then refuses after a JSON round trip');
  },

  async spec(input: Buffer): Promise<void> {
    try {
      await parseSpecText(input.toString('utf8'));
    } catch (error) {
      if (error instanceof SpecImportException) return;
      throw error;
    }
  },
} as const;

export type FuzzTarget = keyof typeof FUZZ_TARGETS;

export const LINE_FORMATS = LOG_FORMATS.filter((f): f is LineLogFormat => f !== 'har');

const SEEDS_DIR = join(__dirname, '..', 'fixtures', 'fuzz-seeds');

/** Small real captures: classic pcap from the corpus, pcapng converted from it by editcap. */
export function captureSeeds(): Buffer[] {
  const corpus = [
    'suricata-verify/http-all-headers/input.pcap',
    'suricata-verify/http-async/input.pcap',
    'suricata-verify/http-ipv6/input.pcap',
    'suricata-verify/bug-4810/pppoe-session-http.pcap',
    'suricata-verify/http-gap-simple/input.pcap',
    'suricata-verify/tcp-fastopen-07/tcp_fastopen_segmentation.pcap',
    'suricata-verify/decode-chdlc-01/hdlc-http_1tx.pcap',
    'api-pcaps/suricata-verify__http-post-file__mattermost-api-v4-8065.pcap',
  ].map((p) => readFileSync(join(CORPUS_DIR, p)));
  const pcapng = readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith('.pcapng'))
    .map((f) => readFileSync(join(SEEDS_DIR, f)));
  return [...corpus, ...pcapng];
}

/** Real lines of each line format, from the corpus (nginx-json has none there: its JSON is built). */
export function logSeeds(format: LineLogFormat): Buffer[] {
  const files: Record<LineLogFormat, string[]> = {
    nginx: ['nginx/elastic-nginx-test-access.log', 'nginx/elastic-ingress-nginx-test-ingest-raw.log'],
    'nginx-json': [],
    envoy: ['envoy/elastic-envoyproxy-test-log.log', 'envoy/elastic-istio-envoy-json-access.log'],
    kong: ['kong/kong-docs-http-log-example.json'],
    apigw: ['aws-apigateway/elastic-test-apigateway.log', 'aws-apigateway/elastic-test-apigateway-rest.log'],
    alb: ['aws-alb/elastic-aws-elb-test-alb.log'],
    zeek: ['zeek/elastic-zeek-test-http.json.log'],
  };
  const seeds = files[format].map((f) => readFileSync(join(CORPUS_DIR, 'logs', f)));
  if (seeds.length > 0) return seeds;
  return [
    Buffer.from(
      `${JSON.stringify({ time_local: '23/Nov/2026:10:00:00 +0000', remote_addr: '10.0.0.1', request: 'GET /users/42?x=1 HTTP/1.1', status: '200', body_bytes_sent: '12', http_host: 'api.example.com', request_time: '0.012' })}\n`,
    ),
  ];
}

export function harSeeds(): Buffer[] {
  return [
    'mitmproxy2swagger/headers_and_params_har.har',
    'mitmproxy/flows/successful_log.har',
    'mitmproxy/flows/incomplete_log.har',
    'mitmproxy/flows/corrupted_gzip_body.har',
  ].map((f) => readFileSync(join(CORPUS_DIR, 'har', f)));
}

export function specSeeds(): Buffer[] {
  return ['xkcd.com__1.0.0.json', 'circleci.com__v1.json', 'nytimes.com__books_api__3.0.0.json'].map((f) =>
    readFileSync(join(CORPUS_DIR, 'specs', f)),
  );
}
