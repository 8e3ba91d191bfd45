import { CREDENTIAL_HEADER_NAMES } from './log-credentials.util';

/**
 * What each nginx variable means for an ApiCall (https://nginx.org/en/docs/varindex.html). Roles
 * are resolved once per layout, so a line costs one switch per variable and no name comparisons.
 * Variables with no role (`$http_referer`, `$upstream_addr`, ...) are not even sliced out of the line.
 */
export enum NginxRole {
  IGNORE,
  REMOTE_ADDR,
  REMOTE_PORT,
  SERVER_ADDR,
  SERVER_PORT,
  /** `$time_local`: when the log line was written, i.e. the end of the request. */
  TIME_LOCAL,
  TIME_ISO8601,
  MSEC,
  REQUEST,
  REQUEST_METHOD,
  REQUEST_URI,
  /** `$uri` is decoded and normalised: used only when nothing closer to the wire is logged. */
  URI,
  ARGS,
  STATUS,
  BODY_BYTES_SENT,
  REQUEST_TIME,
  HOST,
  SCHEME,
  /** `$http_NAME`: a request header. */
  HEADER,
  CONTENT_LENGTH,
  CONTENT_TYPE,
  SENT_CONTENT_TYPE,
  REQUEST_BODY,
}

const ROLES: Readonly<Record<string, NginxRole>> = {
  remote_addr: NginxRole.REMOTE_ADDR,
  remote_port: NginxRole.REMOTE_PORT,
  server_addr: NginxRole.SERVER_ADDR,
  server_port: NginxRole.SERVER_PORT,
  time_local: NginxRole.TIME_LOCAL,
  time_iso8601: NginxRole.TIME_ISO8601,
  msec: NginxRole.MSEC,
  request: NginxRole.REQUEST,
  request_method: NginxRole.REQUEST_METHOD,
  request_uri: NginxRole.REQUEST_URI,
  uri: NginxRole.URI,
  document_uri: NginxRole.URI,
  args: NginxRole.ARGS,
  query_string: NginxRole.ARGS,
  status: NginxRole.STATUS,
  body_bytes_sent: NginxRole.BODY_BYTES_SENT,
  request_time: NginxRole.REQUEST_TIME,
  host: NginxRole.HOST,
  http_host: NginxRole.HOST,
  scheme: NginxRole.SCHEME,
  content_length: NginxRole.CONTENT_LENGTH,
  http_content_length: NginxRole.CONTENT_LENGTH,
  content_type: NginxRole.CONTENT_TYPE,
  http_content_type: NginxRole.CONTENT_TYPE,
  sent_http_content_type: NginxRole.SENT_CONTENT_TYPE,
  request_body: NginxRole.REQUEST_BODY,
};

/**
 * Of the `$http_*` request headers only those that can carry credentials are read: a log lists a
 * few headers, and the pipeline reads a header list as complete (see `credentialHeaders`).
 */
export function nginxRoleOf(variable: string): NginxRole {
  const role = ROLES[variable];
  if (role !== undefined) return role;
  return variable.startsWith('http_') && CREDENTIAL_HEADER_NAMES.has(headerNameOf(variable))
    ? NginxRole.HEADER
    : NginxRole.IGNORE;
}

/** `$http_x_api_key` -> `x-api-key`: nginx lower-cases the name and turns dashes into underscores. */
export function headerNameOf(variable: string): string {
  return variable.slice('http_'.length).replace(/_/g, '-');
}
