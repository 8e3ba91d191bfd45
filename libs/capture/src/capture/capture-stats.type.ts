import { type HttpStats } from '../http/http-exchange.type';
import { type FragmentStats } from '../packet/ip-fragment.reassembler';
import { type CaptureReadStats } from '../reader/frame-sink.type';
import { type TcpStats } from '../tcp/tcp-stats.type';

/** Everything one engine counted; shards of one capture are merged with `mergeCaptureStats`. */
export interface CaptureStats {
  bytes: number;
  read: CaptureReadStats;
  /** Frames by decode outcome (`tcp`, `UDP (not a tunnel)`, ...). */
  decode: Record<string, number>;
  fragments: FragmentStats;
  tcp: TcpStats;
  http: HttpStats;
  /** ApiCall events produced. */
  calls: number;
  /** Exchanges that could not become events, by reason. */
  dropped: Record<string, number>;
  /** Flows and payload bytes by what the first bytes looked like: http, tls, http2, other. */
  payload: { flows: number[]; bytes: number[]; tlsPort443Flows: number };
  /** Bytes held when the figures were taken, and connections still open. */
  memoryUsed: number;
  openFlows: number;
}
