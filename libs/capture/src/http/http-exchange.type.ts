import { type NetworkPeer } from '@apiscope/contracts';

import { type BodyCollector } from './body-collector.util';
import { type HttpHead } from './http-head.type';

/** One request and, once seen, its response, in the order requests were sent on the connection. */
export interface HttpExchange {
  /** 1-based position of the request on its connection. */
  depth: number;
  request: HttpHead;
  requestStartMs: number;
  requestEndMs: number;
  requestBody: BodyCollector | undefined;
  requestDone: boolean;
  response: HttpHead | undefined;
  responseBody: BodyCollector | undefined;
  responseEndMs: number;
  responseDone: boolean;
  /** An HTTP/0.9 request: its answer is a bare body with no status line. */
  simple: boolean;
  incomplete: boolean;
}

/** The connection an exchange travelled on, client and server already told apart. */
export interface HttpFlowInfo {
  /** Stable across runs (4-tuple and first packet time), so re-reading a capture yields the same ids. */
  id: string;
  client: NetworkPeer;
  server: NetworkPeer;
}

export interface HttpStats {
  requests: number;
  responses: number;
  exchanges: number;
  incomplete: number;
  /** Responses with no request to pair with (one-sided capture, desynchronised stream). */
  orphanResponses: number;
  parseErrors: number;
  /** Requests emitted early without a response because too many were waiting on one connection. */
  pipelineOverflow: number;
  tunnels: number;
}

export function emptyHttpStats(): HttpStats {
  return {
    requests: 0,
    responses: 0,
    exchanges: 0,
    incomplete: 0,
    orphanResponses: 0,
    parseErrors: 0,
    pipelineOverflow: 0,
    tunnels: 0,
  };
}
