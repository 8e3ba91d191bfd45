/**
 * HAR 1.2 input (http://www.softwareishard.com/blog/har-12-spec/), as browsers and proxies really
 * write it. Every field is `unknown` on purpose: a HAR file is hostile input and exporters disagree
 * (Safari writes `content.size: 0` beside the full text, mitmproxy writes the compressed wire size,
 * Firefox leaves `serverIPAddress` out), so each reader narrows the value it needs.
 *
 *   { "log": { "entries": [ { "startedDateTime": "2023-03-30T00:00:54.250Z", "time": 14.6,
 *       "request":  { "method", "url", "headers": [{ "name", "value" }], "bodySize",
 *                     "postData": { "mimeType", "text", "params": [{ "name", "value" }] } },
 *       "response": { "status", "headers", "content": { "size", "mimeType", "text", "encoding" } },
 *       "serverIPAddress": "1.2.3.4" } ] } }
 */

export interface HarNameValue {
  name?: unknown;
  value?: unknown;
}

export interface HarPostData {
  mimeType?: unknown;
  text?: unknown;
  params?: unknown;
}

export interface HarContent {
  /** Decoded size by the spec; exporters also write 0 (Safari) or the compressed size (mitmproxy). */
  size?: unknown;
  mimeType?: unknown;
  text?: unknown;
  /** `base64` for binary bodies; anything else means `text` is the body itself. */
  encoding?: unknown;
}

export interface HarRequest {
  method?: unknown;
  url?: unknown;
  headers?: unknown;
  /** Bytes on the wire (compressed when Content-Encoding is set); -1 when unknown. */
  bodySize?: unknown;
  postData?: unknown;
}

export interface HarResponse {
  /** 0 when no response arrived (connection refused, blocked, offline). */
  status?: unknown;
  headers?: unknown;
  content?: unknown;
  /** Chrome and mitmproxy: the network error that ended the exchange. */
  _error?: unknown;
}

export interface HarEntry {
  startedDateTime?: unknown;
  time?: unknown;
  request?: unknown;
  response?: unknown;
  serverIPAddress?: unknown;
  /** Safari: "Network Load", "Memory Cache" or "Disk Cache". */
  _fetchType?: unknown;
  /** Chrome: "memory" or "disk" when the browser answered from its cache. */
  _fromCache?: unknown;
}

export interface HarLog {
  entries?: unknown;
}

export interface HarDocument {
  log?: unknown;
}
