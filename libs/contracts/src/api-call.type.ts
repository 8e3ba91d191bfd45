/**
 * ApiCall event, contract v1: one HTTP request/response exchange as a sensor saw it.
 * Field names are public: sensors written by others produce this shape (see DESIGN.md).
 */

/** Header or query pairs keep wire order and duplicates, so they are lists, not maps. */
export type NameValueList = Array<[string, string]>;

export type BodyEncoding = 'utf8' | 'base64';

export interface ApiCallBody {
  contentType?: string;
  /** Size in bytes of the decoded body as sent, even when `data` was truncated or omitted. */
  size: number;
  /** True when `data` holds only the first bytes (sensor cap, default 64 KiB). */
  truncated: boolean;
  encoding: BodyEncoding;
  data?: string;
}

export interface NetworkPeer {
  ip: string;
  port: number;
}

export interface ApiCallSensor {
  id: string;
  /** `pcap`, `log:nginx`, `har`, ... */
  kind: string;
}

export type HttpScheme = 'http' | 'https';

export interface ApiCallRequest {
  method: string;
  scheme: HttpScheme;
  host?: string;
  /** The request-target exactly as on the wire. */
  target: string;
  /** The path as sent (not decoded, no query). */
  path: string;
  /** Decoded query pairs. */
  query: NameValueList;
  headers: NameValueList;
  body?: ApiCallBody;
}

export interface ApiCallResponse {
  status: number;
  headers: NameValueList;
  body?: ApiCallBody;
}

export interface ApiCall {
  v: 1;
  id: string;
  /** Epoch milliseconds of the request start. */
  ts: number;
  sensor: ApiCallSensor;
  src?: NetworkPeer;
  dst?: NetworkPeer;
  request: ApiCallRequest;
  /** Absent when no response was seen. */
  response?: ApiCallResponse;
  durationMs?: number;
  /** Set by a sensor that lost part of the exchange (capture gap, cut-off stream). */
  incomplete?: boolean;
}

export const API_CALL_CONTRACT_VERSION = 1 as const;
