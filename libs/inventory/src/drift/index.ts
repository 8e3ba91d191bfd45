export { DRIFT_KINDS, DRIFT_LOCATIONS } from './drift-item.type';
export type { DriftItem, DriftKind, DriftLocation, EndpointDrift, ServiceDrift } from './drift-item.type';
export { endpointDrift } from './endpoint-drift.util';
export { serviceDrift } from './service-drift.util';
