import { Global, Module } from '@nestjs/common';

import { ApiscopeMetrics } from './apiscope-metrics.service';
import { StorageHealthService } from './storage-health.service';

/**
 * One metrics registry and one storage-health state per application. Imported by the pipeline and
 * the API modules; Nest instantiates a static module once, so both see the same instances.
 */
@Global()
@Module({
  providers: [{ provide: ApiscopeMetrics, useFactory: () => new ApiscopeMetrics() }, StorageHealthService],
  exports: [ApiscopeMetrics, StorageHealthService],
})
export class TelemetryModule {}
