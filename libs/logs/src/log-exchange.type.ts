import { type HttpScheme, type NameValueList, type NetworkPeer } from '@apiscope/contracts';

/**
 * What one log record says about an exchange, before it becomes an ApiCall. Every field is optional
 * except the request line: a format fills only what it logs, and `buildLogCall` never guesses the rest.
 */
export interface LogExchange {
  /** Epoch ms of the request start (or of the log write when the format has nothing better). */
  ts: number;
  method: string;
  /** The request-target as logged: origin form (`/a?b`), absolute form, `*`, or authority form. */
  target: string;
  /** Only when the log says so (`$scheme`, an `https://` URL, a TLS-only gateway); else `http`. */
  scheme?: HttpScheme;
  host?: string;
  src?: NetworkPeer;
  dst?: NetworkPeer;
  /** Absent or 0: no response was sent. */
  status?: number;
  durationMs?: number;
  /**
   * Request headers the record holds. `complete` is true only when the format logs the whole header
   * set (Kong, HAR); a partial list keeps only credentials, since the pipeline reads a non-empty list
   * as "these are all the headers" and would otherwise conclude that no credentials were sent.
   */
  requestHeaders?: { pairs: NameValueList; complete: boolean };
  responseHeaders?: NameValueList;
  /** Body bytes as logged (`$body_bytes_sent`, Envoy `BYTES_SENT`, Zeek `response_body_len`). */
  requestBodySize?: number;
  responseBodySize?: number;
  requestContentType?: string;
  responseContentType?: string;
  /** Body text when the gateway logs it (Kong with a body-logging serializer). */
  requestBodyText?: string;
  responseBodyText?: string;
  /** The endpoint template the gateway matched (API Gateway `resourcePath`/`routeKey`). */
  route?: string;
}
