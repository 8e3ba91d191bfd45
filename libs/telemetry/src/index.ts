export {
  ApiscopeMetrics,
  DEFAULT_MAX_SERVICE_LABELS,
  OTHER_SERVICES_LABEL,
} from './apiscope-metrics.service';
export type { DropReason, MetricStage, MetricsCollector } from './apiscope-metrics.service';
export { StorageHealthService } from './storage-health.service';
export type { StorageHealthState } from './storage-health.service';
export { TelemetryModule } from './telemetry.module';
