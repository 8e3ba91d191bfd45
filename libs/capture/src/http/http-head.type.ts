import { type NameValueList } from '@apiscope/contracts';

/** A parsed request or response head (start line + header fields), with the framing facts. */
export interface HttpHead {
  method: string;
  target: string;
  /** `1.1`, `1.0`, or `0.9` for a request line without a version. */
  version: string;
  status: number;
  /** Header fields in wire order, duplicates kept, names as sent. */
  headers: NameValueList;
  /** -1 absent, -2 present but invalid (negative, not a number, conflicting copies). */
  contentLength: number;
  chunked: boolean;
  connectionClose: boolean;
  upgrade: boolean;
  /** Lower-cased Content-Encoding, '' when absent. */
  contentEncoding: string;
  contentType: string | undefined;
  host: string | undefined;
  expectContinue: boolean;
}

export function emptyHead(): HttpHead {
  return {
    method: '',
    target: '',
    version: '1.1',
    status: 0,
    headers: [],
    contentLength: -1,
    chunked: false,
    connectionClose: false,
    upgrade: false,
    contentEncoding: '',
    contentType: undefined,
    host: undefined,
    expectContinue: false,
  };
}
