import { type NetworkPeer } from '@apiscope/contracts';

import { HttpConnection, type HttpConnectionOptions } from '../http/http-connection.parser';
import { type HttpStreamParser } from '../http/http-stream.parser';
import { isStatusLineStart, requestLineStart } from '../http/message-start.util';
import { type DecodedPacket, TCP_ACK, TCP_FIN, TCP_RST, TCP_SYN } from '../packet/decoded-packet.type';
import { formatIpv4, formatIpv6 } from '../packet/ip-address.util';
import { type FlowEntry } from './flow-table.util';
import { type FlowKey } from './flow-key.type';
import { classifyPayload, PayloadClass } from './payload-class.util';
import { type StreamReceiver, TcpStreamReassembler } from './tcp-stream.reassembler';
import { type TcpStats } from './tcp-stats.type';

export interface TcpFlowContext {
  http: HttpConnectionOptions;
  tcp: TcpStats;
  maxHeldBytes: number;
}

class SideReceiver implements StreamReceiver {
  constructor(
    private readonly flow: TcpFlow,
    private readonly side: number,
  ) {}

  data(buf: Buffer, offset: number, length: number, tsMs: number): void {
    this.flow.parserOf(this.side)?.execute(buf, offset, offset + length, tsMs);
  }

  gap(length: number, tsMs: number): void {
    this.flow.parserOf(this.side)?.gap(length, tsMs);
  }
}

/** 53-bit string hash (cyrb53): short, stable flow ids. */
function stableId(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/**
 * One TCP connection: two reassembled directions feeding an HTTP connection parser. The client is
 * the side that sent the SYN; without a handshake in the capture, the side whose first bytes look
 * like a request line (or the other side of a status line), else the side on the higher port.
 */
export class TcpFlow implements FlowEntry {
  bucketNext: FlowEntry | undefined;
  olderEntry: FlowEntry | undefined;
  newerEntry: FlowEntry | undefined;
  lastSeenMs: number;
  readonly firstSeenMs: number;
  connection: HttpConnection | undefined;
  /** Not HTTP (or a tunnel now): payload is no longer reassembled, only FIN/RST are followed. */
  ignored = false;
  payloadClass: PayloadClass | -1 = -1;
  payloadBytes = 0;
  private readonly streams: [TcpStreamReassembler, TcpStreamReassembler];
  private clientSide = -1;
  private readonly finished = [false, false];

  constructor(
    readonly key: FlowKey,
    tsMs: number,
    private readonly ctx: TcpFlowContext,
  ) {
    this.firstSeenMs = this.lastSeenMs = tsMs;
    const budget = ctx.http.budget;
    this.streams = [
      new TcpStreamReassembler(new SideReceiver(this, 0), budget, ctx.tcp, ctx.maxHeldBytes),
      new TcpStreamReassembler(new SideReceiver(this, 1), budget, ctx.tcp, ctx.maxHeldBytes),
    ];
  }

  /** A SYN from `side` with a new initial sequence number: the ports were reused for a new connection. */
  isNewConnection(p: DecodedPacket, side: number): boolean {
    return (p.flags & (TCP_SYN | TCP_ACK)) === TCP_SYN && this.streams[side].isNewSyn(p.seq);
  }

  parserOf(side: number): HttpStreamParser | undefined {
    const c = this.connection;
    if (c === undefined) return undefined;
    return side === this.clientSide ? c.requests : c.responses;
  }

  /** Applies one segment; true when the connection is over (both FINs delivered, or RST). */
  packet(p: DecodedPacket, side: number): boolean {
    const flags = p.flags;
    const stream = this.streams[side];
    let seq = p.seq;
    if (flags & TCP_SYN) {
      stream.syn(seq);
      seq = (seq + 1) >>> 0;
      if (this.clientSide === -1) this.clientSide = flags & TCP_ACK ? 1 - side : side;
    }
    if (flags & TCP_ACK) this.streams[1 - side].acknowledged(p.ack, p.tsMs);
    if (flags & TCP_RST) return true;
    const length = p.payloadLength;
    if (length > 0) {
      this.payloadBytes += length;
      if (this.payloadClass === -1) this.payloadClass = classifyPayload(p.buf, p.payloadOffset, length);
      // a connection that opens with TLS or the HTTP/2 preface never carries HTTP/1.x: skip it whole
      if (
        !this.ignored &&
        (this.payloadClass === PayloadClass.TLS || this.payloadClass === PayloadClass.HTTP2)
      )
        this.ignore();
      if (!this.ignored) {
        if (this.connection === undefined) this.open(p, side);
        stream.segment(seq, p.buf, p.payloadOffset, length, p.tsMs);
        const c = this.connection as HttpConnection;
        if (c.requests.dead && c.responses.dead) this.ignore();
      }
    }
    if (flags & TCP_FIN) stream.fin(seq, length);
    for (let s = 0; s < 2; s++) {
      const direction = this.streams[s];
      // an ignored flow's bytes are no longer followed: its FIN alone ends the direction
      if (!this.finished[s] && (direction.finished || (this.ignored && direction.finSeq !== -1))) {
        this.finished[s] = true;
        this.parserOf(s)?.finish(p.tsMs);
      }
    }
    return this.finished[0] && this.finished[1];
  }

  /** Flushes held bytes (holes become gaps) and emits what the connection still holds. */
  close(tsMs: number): void {
    if (!this.ignored) for (const stream of this.streams) stream.flush(tsMs);
    this.connection?.close(tsMs);
    for (const stream of this.streams) stream.release();
    if (
      this.connection !== undefined &&
      (this.connection.requests.hasParsed || this.connection.responses.hasParsed)
    )
      this.payloadClass = PayloadClass.HTTP;
  }

  get bufferedBytes(): number {
    return this.streams[0].bufferedBytes + this.streams[1].bufferedBytes;
  }

  private ignore(): void {
    this.ignored = true;
    for (const stream of this.streams) stream.release();
  }

  private open(p: DecodedPacket, side: number): void {
    const end = p.payloadOffset + p.payloadLength;
    if (this.clientSide === -1) {
      if (requestLineStart(p.buf, p.payloadOffset, end) === 1) this.clientSide = side;
      else if (isStatusLineStart(p.buf, p.payloadOffset, end)) this.clientSide = 1 - side;
      else {
        const own = side === 0 ? this.key.portA : this.key.portB;
        const other = side === 0 ? this.key.portB : this.key.portA;
        this.clientSide = own > other ? side : 1 - side;
      }
    }
    const a = this.peer(0);
    const b = this.peer(1);
    const client = this.clientSide === 0 ? a : b;
    const server = this.clientSide === 0 ? b : a;
    const id = stableId(
      `${client.ip}|${client.port}|${server.ip}|${server.port}|${Math.round(this.firstSeenMs * 1000)}`,
    );
    const connection = new HttpConnection({ id, client, server }, this.ctx.http);
    // without its SYN a direction may start anywhere: look for a full request or status line first
    if (!this.streams[this.clientSide].sawSyn) connection.requests.startUnsynced();
    if (!this.streams[1 - this.clientSide].sawSyn) connection.responses.startUnsynced();
    this.connection = connection;
  }

  private peer(side: number): NetworkPeer {
    const k = this.key;
    const port = side === 0 ? k.portA : k.portB;
    if (k.ipVersion === 4) return { ip: formatIpv4(side === 0 ? k.a3 : k.b3), port };
    return {
      ip: side === 0 ? formatIpv6(k.a0, k.a1, k.a2, k.a3) : formatIpv6(k.b0, k.b1, k.b2, k.b3),
      port,
    };
  }
}
