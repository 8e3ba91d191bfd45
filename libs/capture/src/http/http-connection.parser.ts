import { type BodyCollector } from './body-collector.util';
import { type HttpExchange, type HttpFlowInfo, type HttpStats } from './http-exchange.type';
import { type HttpHead } from './http-head.type';
import { BodyDecision, type HttpStreamOwner } from './http-stream-owner.type';
import { HttpStreamParser } from './http-stream.parser';
import { type MemoryBudget } from './memory-budget.type';

/** Requests waiting for their response on one connection before the oldest is given up. */
const MAX_WAITING = 64;

export interface HttpConnectionOptions {
  budget: MemoryBudget;
  bodyCap: number;
  /** Bytes per direction searched for a first HTTP message before the flow counts as not HTTP. */
  scanBudget: number;
  stats: HttpStats;
  emit: (exchange: HttpExchange, flow: HttpFlowInfo) => void;
}

/**
 * Pairs the two directions of one connection: the n-th final response answers the n-th request
 * (HTTP/1.1 pipelining keeps order). Interim 1xx responses are skipped, HEAD answers have no body,
 * CONNECT 2xx and 101 Switching Protocols turn the rest of the connection into a tunnel that is
 * not parsed. Exchanges leave in request order once both sides are complete.
 */
export class HttpConnection implements HttpStreamOwner {
  readonly requests: HttpStreamParser;
  readonly responses: HttpStreamParser;
  private readonly queue: HttpExchange[] = [];
  /** Index in `queue` of the first exchange still waiting for a response head. */
  private answerIndex = 0;
  private responding: HttpExchange | undefined;
  private depth = 0;

  constructor(
    readonly flow: HttpFlowInfo,
    private readonly options: HttpConnectionOptions,
  ) {
    const { budget, bodyCap, scanBudget } = options;
    this.requests = new HttpStreamParser(true, this, budget, bodyCap, scanBudget);
    this.responses = new HttpStreamParser(false, this, budget, bodyCap, scanBudget);
  }

  onHead(parser: HttpStreamParser, head: HttpHead, tsMs: number): BodyDecision {
    const stats = this.options.stats;
    if (parser.isRequest) {
      stats.requests += 1;
      if (this.queue.length >= MAX_WAITING) this.giveUpOldest();
      const simple = head.version === '0.9';
      if (simple) this.responses.rawResponsesDue += 1;
      this.queue.push({
        depth: ++this.depth,
        request: head,
        requestStartMs: tsMs,
        requestEndMs: tsMs,
        requestBody: undefined,
        requestDone: false,
        response: undefined,
        responseBody: undefined,
        responseEndMs: tsMs,
        responseDone: false,
        simple,
        incomplete: false,
      });
      return BodyDecision.FRAMING;
    }
    if (head.status < 200 && head.status !== 101) return BodyDecision.FRAMING; // interim: no body, no pairing
    stats.responses += 1;
    const exchange = this.queue[this.answerIndex];
    this.responding = exchange;
    if (exchange === undefined) {
      stats.orphanResponses += 1;
      return BodyDecision.FRAMING;
    }
    this.answerIndex += 1;
    exchange.response = head;
    const method = exchange.request.method.toUpperCase();
    if ((method === 'CONNECT' && head.status < 300) || head.status === 101) {
      stats.tunnels += 1;
      this.requests.stop();
      return BodyDecision.TUNNEL;
    }
    return method === 'HEAD' ? BodyDecision.NONE : BodyDecision.FRAMING;
  }

  onMessageEnd(
    parser: HttpStreamParser,
    body: BodyCollector | undefined,
    tsMs: number,
    incomplete: boolean,
  ): void {
    if (parser.isRequest) {
      // the request being read is always the newest one: its head was queued before its body
      const exchange = this.queue[this.queue.length - 1];
      if (exchange === undefined || exchange.requestDone) return body?.release();
      exchange.requestBody = body;
      exchange.requestEndMs = tsMs;
      exchange.requestDone = true;
      exchange.incomplete ||= incomplete;
    } else {
      const head = parser.head;
      if (head !== undefined && head.status < 200 && head.status !== 101) return body?.release();
      if (head === undefined) {
        // the bare answer to an HTTP/0.9 request: nothing to report but its end
        body?.release();
        const simple = this.queue[this.answerIndex];
        if (simple === undefined) return;
        this.answerIndex += 1;
        simple.responseDone = true;
        simple.responseEndMs = tsMs;
      } else {
        const exchange = this.responding;
        this.responding = undefined;
        if (exchange === undefined) return body?.release();
        exchange.responseBody = body;
        exchange.responseEndMs = tsMs;
        exchange.responseDone = true;
        exchange.incomplete ||= incomplete;
      }
    }
    this.flushReady();
  }

  onParseError(): void {
    this.options.stats.parseErrors += 1;
  }

  /** The connection is over (FIN/RST, idle, evicted, end of capture): emit everything still held. */
  close(tsMs: number): void {
    this.requests.finish(tsMs);
    this.responses.finish(tsMs);
    while (this.queue.length > 0) {
      const exchange = this.queue.shift() as HttpExchange;
      if (!exchange.requestDone || (exchange.response !== undefined && !exchange.responseDone))
        exchange.incomplete = true;
      this.options.emit(exchange, this.flow);
    }
    this.answerIndex = 0;
  }

  private flushReady(): void {
    while (this.queue.length > 0 && this.queue[0].requestDone && this.queue[0].responseDone) {
      this.options.emit(this.queue.shift() as HttpExchange, this.flow);
      this.answerIndex = Math.max(0, this.answerIndex - 1);
    }
  }

  private giveUpOldest(): void {
    const oldest = this.queue.shift() as HttpExchange;
    this.options.stats.pipelineOverflow += 1;
    if (this.answerIndex > 0) this.answerIndex -= 1;
    if (this.responding === oldest) this.responding = undefined;
    oldest.incomplete = true;
    this.options.emit(oldest, this.flow);
  }
}
