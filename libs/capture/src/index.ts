export { HttpCaptureParser } from './capture/http-capture.parser';
export { CAPTURE_DEFAULTS } from './capture/http-capture-options.type';
export type { HttpCaptureOptions } from './capture/http-capture-options.type';
export type { CaptureStats } from './capture/capture-stats.type';
export { CaptureFileParser } from './reader/capture-file.parser';
export type { CaptureReadStats, FrameSink } from './reader/frame-sink.type';
export { PacketDecoder } from './packet/packet.decoder';
export { DecodedPacket, DecodeStatus } from './packet/decoded-packet.type';
export { HttpStreamParser } from './http/http-stream.parser';
