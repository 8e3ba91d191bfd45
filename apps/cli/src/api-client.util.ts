import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

import { UsageException } from './usage.exception';

export interface ApiClientOptions {
  /** Base URL of a running apiscope (`http://127.0.0.1:8080`). */
  url: string;
  key: string;
  /** PEM of a CA to trust besides the system's (a self-signed `--tls-cert` of `up`). */
  ca?: string;
  timeoutMs?: number;
}

export interface ApiAnswer {
  status: number;
  body: unknown;
}

/** Problem answers (4xx) are a usage error with the server's own detail; network failures are not. */
export class ApiRequestException extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ApiRequestException';
  }
}

const MAX_ANSWER_BYTES = 16 * 1024 * 1024;

/**
 * One JSON request to the apiscope API, over node:http(s) rather than fetch so that `--ca` can trust
 * a self-signed certificate without turning verification off.
 */
export function callApi(
  options: ApiClientOptions,
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<ApiAnswer> {
  let url: URL;
  try {
    url = new URL(path, options.url.endsWith('/') ? options.url : `${options.url}/`);
  } catch {
    throw new UsageException(`--url must be a URL like http://127.0.0.1:8080, got "${options.url}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new UsageException(`--url must be http:// or https://, got "${options.url}"`);
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      url,
      {
        method,
        headers: {
          authorization: `Bearer ${options.key}`,
          accept: 'application/json',
          ...(payload && { 'content-type': 'application/json', 'content-length': payload.length }),
        },
        ...(options.ca !== undefined && { ca: options.ca }),
        timeout: options.timeoutMs ?? 30_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_ANSWER_BYTES) req.destroy(new ApiRequestException('answer too large'));
          else chunks.push(chunk);
        });
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown = text;
          try {
            parsed = text === '' ? null : JSON.parse(text);
          } catch {
            // not JSON: keep the text for the message
          }
          resolve({ status: res.statusCode ?? 0, body: parsed });
        });
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new ApiRequestException(`no answer from ${url.origin} in time`)));
    req.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        error instanceof ApiRequestException
          ? error
          : new ApiRequestException(
              `cannot reach apiscope at ${url.origin} (${error.code ?? error.message}); is \`apiscope up\` running there?`,
            ),
      ),
    );
    req.end(payload);
  });
}

/** The `detail` of a problem answer, or a short form of whatever came back. */
export function problemDetail(answer: ApiAnswer): string {
  const body = answer.body as { detail?: unknown } | null;
  if (body && typeof body === 'object' && typeof body.detail === 'string') return body.detail;
  return typeof answer.body === 'string' ? answer.body.slice(0, 200) : `HTTP ${answer.status}`;
}
