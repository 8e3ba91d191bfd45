import { type HttpHead } from './http-head.type';

export type BodyFraming = 'none' | 'length' | 'chunked' | 'close';

/**
 * How a message body is delimited (RFC 9112 §6.3), once the owner has ruled out HEAD answers and
 * tunnels: a final `chunked` transfer coding wins over Content-Length; a request without either has
 * no body (nor has an HTTP/0.9 one); a response without either runs until the connection closes;
 * 1xx, 204 and 304 responses never have one. An invalid Content-Length counts as none for a request.
 */
export function bodyFraming(head: HttpHead, isRequest: boolean): BodyFraming {
  if (isRequest) {
    if (head.version === '0.9') return 'none';
    if (head.chunked) return 'chunked';
    return head.contentLength > 0 ? 'length' : 'none';
  }
  if (head.status < 200 || head.status === 204 || head.status === 304) return 'none';
  if (head.chunked) return 'chunked';
  if (head.contentLength === 0) return 'none';
  return head.contentLength > 0 ? 'length' : 'close';
}
