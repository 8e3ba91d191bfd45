export type { BatchHandler, BusEvent, EventVerdict, PublishOutcome } from './bus.type';
export { InProcessBus } from './in-process.bus';
export type { BusStats, InProcessBusOptions } from './in-process.bus';
export { HttpIngestClient } from './http-ingest.client';
export type { HttpIngestClientOptions } from './http-ingest.client';
export { TransportException, TransportExceptionCode } from './transport.exception';
export { TransportModule } from './transport.module';
