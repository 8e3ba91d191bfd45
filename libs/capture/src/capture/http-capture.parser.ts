import { type ApiCallBuildOptions, type BodyTexts, buildApiCall } from '../http/api-call.builder';
import { emptyHttpStats, type HttpExchange, type HttpFlowInfo } from '../http/http-exchange.type';
import { type MemoryBudget } from '../http/memory-budget.type';
import { DECODE_STATUS_NAMES, DecodeStatus } from '../packet/decoded-packet.type';
import { PacketDecoder } from '../packet/packet.decoder';
import { CaptureFileParser } from '../reader/capture-file.parser';
import { type FrameSink } from '../reader/frame-sink.type';
import { FlowKey } from '../tcp/flow-key.type';
import { FlowTable } from '../tcp/flow-table.util';
import { PayloadClass } from '../tcp/payload-class.util';
import { TcpFlow, type TcpFlowContext } from '../tcp/tcp-flow.parser';
import { emptyTcpStats } from '../tcp/tcp-stats.type';
import { type CaptureStats } from './capture-stats.type';
import { type HttpCaptureOptions, resolveCaptureOptions } from './http-capture-options.type';

/**
 * Capture bytes in, ApiCall events out: reader -> decoder -> flow table -> TCP reassembly -> HTTP.
 * Pure (no I/O): the caller pushes chunks of a pcap/pcapng stream and receives events through
 * `onCall`. With `shardCount` > 1 it keeps only the connections whose hash falls in its shard, so
 * N engines reading the same bytes split the work without talking to each other.
 */
export class HttpCaptureParser implements FrameSink {
  private readonly reader = new CaptureFileParser(this);
  private readonly decoder = new PacketDecoder();
  private readonly table = new FlowTable<TcpFlow>();
  private readonly options: ReturnType<typeof resolveCaptureOptions>;
  private readonly budget: MemoryBudget;
  private readonly build: ApiCallBuildOptions;
  /** Reused for every event when bodies' text stays bytes (textBodiesAsBytes). */
  private readonly texts: BodyTexts | undefined;
  private readonly ctx: TcpFlowContext;
  private readonly decodeCounts = new Array<number>(10).fill(0);
  private readonly stats: Omit<CaptureStats, 'read' | 'decode' | 'fragments' | 'memoryUsed' | 'openFlows'>;
  private lastSweepMs = -Infinity;
  private clockMs = 0;
  private countDecode = true;

  constructor(options: HttpCaptureOptions) {
    this.options = resolveCaptureOptions(options);
    this.budget = { used: 0, limit: this.options.memoryLimitBytes };
    this.build = {
      sensorId: this.options.sensorId,
      sensorKind: this.options.sensorKind,
      bodyCap: this.options.maxBodyBytes,
    };
    if (this.options.textBodiesAsBytes) this.texts = { request: undefined, response: undefined };
    const http = emptyHttpStats();
    this.stats = {
      bytes: 0,
      tcp: emptyTcpStats(),
      http,
      calls: 0,
      dropped: {},
      payload: { flows: [0, 0, 0, 0], bytes: [0, 0, 0, 0], tlsPort443Flows: 0 },
    };
    this.ctx = {
      tcp: this.stats.tcp,
      maxHeldBytes: this.options.maxFlowBufferBytes,
      http: {
        budget: this.budget,
        bodyCap: this.options.maxBodyBytes,
        scanBudget: this.options.scanBytes,
        stats: http,
        emit: (exchange, flow) => this.emit(exchange, flow),
      },
    };
  }

  /** Next chunk of the capture stream (any size; the bytes may be reused after the call). */
  push(chunk: Buffer): void {
    this.stats.bytes += chunk.length;
    this.reader.push(chunk);
  }

  /** True when the stream cannot be read further (not a capture, corrupt header). */
  get failed(): boolean {
    return this.reader.failed;
  }

  /**
   * A frame a FrameRouter sent to this shard; `everyShard` when all shards got it (a fragment):
   * then only shard 0 counts its decoding, so that the shards' counts add up to the frames read.
   */
  routedFrame(
    linkType: number,
    buf: Buffer,
    offset: number,
    length: number,
    tsMs: number,
    everyShard: boolean,
  ): void {
    this.countDecode = !everyShard || this.options.shardIndex === 0;
    this.frame(linkType, buf, offset, length, tsMs);
    this.countDecode = true;
  }

  frame(linkType: number, buf: Buffer, offset: number, length: number, tsMs: number): void {
    const status = this.decoder.decode(linkType, buf, offset, length, tsMs);
    if (this.countDecode) this.decodeCounts[status] += 1;
    if (status !== DecodeStatus.TCP) return;
    const p = this.decoder.packet;
    if (this.options.shardCount > 1 && p.hash % this.options.shardCount !== this.options.shardIndex) return;
    if (tsMs > this.clockMs) this.clockMs = tsMs;
    if (this.clockMs - this.lastSweepMs >= 1000) this.sweepIdle();
    this.stats.tcp.segments += 1;
    let flow = this.table.find(p);
    let side = this.table.lastDirection;
    if (flow !== undefined && flow.isNewConnection(p, side)) {
      this.closeFlow(flow);
      flow = undefined;
    }
    if (flow === undefined) {
      // a stray ACK, FIN or RST of a connection already closed (or never seen) starts nothing
      if ((p.flags & 0x02) === 0 && p.payloadLength === 0) return;
      if (this.table.size >= this.options.maxFlows) this.evictOldest('flows');
      flow = new TcpFlow(new FlowKey(p), tsMs, this.ctx);
      this.table.add(flow);
      this.stats.tcp.flows += 1;
      side = 0;
    }
    this.table.touch(flow, tsMs);
    if (flow.packet(p, side)) {
      if (p.flags & 0x04) this.stats.tcp.closedByRst += 1;
      else this.stats.tcp.closedByFin += 1;
      this.closeFlow(flow);
    }
    while (this.budget.used > this.budget.limit && this.table.size > 0) this.evictOldest('memory');
  }

  /** End of input: every open connection is flushed and emitted. Returns the run's figures. */
  finish(): CaptureStats {
    for (let flow = this.table.oldest(); flow !== undefined; flow = this.table.oldest()) this.closeFlow(flow);
    return this.snapshot();
  }

  snapshot(): CaptureStats {
    const decode: Record<string, number> = {};
    this.decodeCounts.forEach((n, status) => {
      if (n > 0) decode[DECODE_STATUS_NAMES[status as DecodeStatus]] = n;
    });
    return {
      ...this.stats,
      read: this.reader.stats(),
      decode,
      fragments: { ...this.decoder.fragments.stats },
      memoryUsed: this.budget.used,
      openFlows: this.table.size,
    };
  }

  private emit(exchange: HttpExchange, flow: HttpFlowInfo): void {
    const call = buildApiCall(exchange, flow, this.build, this.texts);
    if (typeof call === 'string') {
      this.stats.dropped[call] = (this.stats.dropped[call] ?? 0) + 1;
      return;
    }
    this.stats.calls += 1;
    this.stats.http.exchanges += 1;
    if (call.incomplete === true) this.stats.http.incomplete += 1;
    this.options.onCall(call, this.texts);
  }

  private closeFlow(flow: TcpFlow): void {
    this.table.remove(flow);
    flow.close(this.clockMs);
    if (flow.payloadClass !== -1) {
      const payload = this.stats.payload;
      payload.flows[flow.payloadClass] += 1;
      payload.bytes[flow.payloadClass] += flow.payloadBytes;
      if (flow.payloadClass === PayloadClass.TLS && (flow.key.portA === 443 || flow.key.portB === 443))
        payload.tlsPort443Flows += 1;
    }
  }

  private evictOldest(reason: 'flows' | 'memory'): void {
    const oldest = this.table.oldest();
    if (oldest === undefined) return;
    if (reason === 'flows') this.stats.tcp.evictedFlowLimit += 1;
    else this.stats.tcp.evictedMemory += 1;
    this.closeFlow(oldest);
  }

  private sweepIdle(): void {
    this.lastSweepMs = this.clockMs;
    const horizon = this.clockMs - this.options.idleTimeoutMs;
    for (
      let flow = this.table.oldest();
      flow !== undefined && flow.lastSeenMs < horizon;
      flow = this.table.oldest()
    ) {
      this.stats.tcp.closedIdle += 1;
      this.closeFlow(flow);
    }
  }
}
